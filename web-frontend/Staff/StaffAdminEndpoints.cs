using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Pins;
using Loyalty.Web.Admin;
using Orleans;
using Loyalty.Web.Problems;
using Loyalty.Web.Stores;

namespace Loyalty.Web.Staff;

/// <summary>Admin endpoints for a store's staff PINs.</summary>
public static class StaffAdminEndpoints
{
    public static RouteGroupBuilder MapStaffAdminEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/stores/{storeId:guid}/staff", CreateAsync)
            .WithName("CreateStaffPin")
            .Produces<CreateStaffResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<IResult> CreateAsync(
        Guid storeId, CreateStaffRequest request, HttpContext context, IStoreDirectory stores, IGrainFactory grains, TimeProvider time)
    {
        var name = request.Name?.Trim();
        var validation = new ValidationProblem()
            .When(string.IsNullOrEmpty(name), "name", "A name is required.")
            .When(name?.Length > CreateStaffRequest.MaxNameLength, "name", $"At most {CreateStaffRequest.MaxNameLength} characters.")
            .When(name?.Any(char.IsControl) == true, "name", "Control characters are not allowed.")
            .When(!StaffPinFormat.IsWellFormed(request.Pin), "pin", StaffPinFormat.Message);
        if (validation.HasErrors)
            return validation.ToResult();

        var (store, refusal) = await StoreAccess.AuthorizeAsync(context, stores, storeId, context.RequestAborted);
        if (refusal is not null)
            return refusal;

        var pinId = Guid.CreateVersion7(time.GetUtcNow());
        var pin = await grains.GetGrain<IPinGrain>(pinId).CreateAsync(new CreatePinCommand(store!.StoreId, store.MerchantId, name!, request.Pin!, AuditActors.ForAdminToken(context.GetAdmin().TokenId)));
        return TypedResults.Created((string?)null, new CreateStaffResponse(pin.PinId, pin.Name));
    }
}
