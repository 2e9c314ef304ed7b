using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Admin;
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
        admin.MapPost("/stores/{storeId:guid}/staff/{pinId:guid}/pin", ChangeAsync)
            .WithName("ChangeStaffPin")
            .WithSummary("Replaces a staff member's PIN (rotation, for instance after a device was stolen); audited as pin.changed.")
            .Produces<CreateStaffResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/stores/{storeId:guid}/staff/{pinId:guid}/unlock", UnlockAsync)
            .WithName("UnlockStaffPin")
            .WithSummary("Clears a staff PIN's failed attempts and lock; audited as pin.unlocked (a PIN neither locked nor failed is left as it is).")
            .Produces<CreateStaffResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<IResult> CreateAsync(
        Guid storeId, CreateStaffRequest request, HttpContext context, IStoreDirectory stores, StaffPinCommands pins)
    {
        var name = request.Name?.Trim();
        var validation = new ValidationProblem()
            .When(string.IsNullOrEmpty(name), "name", "A name is required.")
            .When(name?.Length > CreateStaffRequest.MaxNameLength, "name", $"At most {CreateStaffRequest.MaxNameLength} characters.")
            .Text("name", name)
            .When(!StaffPinFormat.IsWellFormed(request.Pin), "pin", StaffPinFormat.Message);
        if (validation.HasErrors)
            return validation.ToResult();

        var (store, refusal) = await StoreAccess.AuthorizeAsync(context, stores, storeId, context.RequestAborted);
        if (refusal is not null)
            return refusal;

        var pin = await pins.CreateAsync(store!.StoreId, store.MerchantId, name!, request.Pin!, AuditActors.ForAdminToken(context.GetAdmin().TokenId));
        return TypedResults.Created((string?)null, new CreateStaffResponse(pin.PinId, pin.Name));
    }

    private static async Task<IResult> ChangeAsync(
        Guid storeId, Guid pinId, ChangePinRequest request, HttpContext context, IStoreDirectory stores, StaffPinCommands pins)
    {
        var validation = new ValidationProblem().When(!StaffPinFormat.IsWellFormed(request.Pin), "pin", StaffPinFormat.Message);
        if (validation.HasErrors)
            return validation.ToResult();

        var (store, refusal) = await StoreAccess.AuthorizeAsync(context, stores, storeId, context.RequestAborted);
        if (refusal is not null)
            return refusal;

        var actor = AuditActors.ForAdminToken(context.GetAdmin().TokenId);
        var pin = await pins.ChangeAsync(store!.StoreId, pinId, request.Pin!, actor);
        return pin is null
            ? PinProblems.NotFound(pinId.ToString("D"))
            : TypedResults.Ok(new CreateStaffResponse(pin.PinId, pin.Name));
    }

    private static async Task<IResult> UnlockAsync(Guid storeId, Guid pinId, HttpContext context, IStoreDirectory stores, StaffPinCommands pins)
    {
        var (store, refusal) = await StoreAccess.AuthorizeAsync(context, stores, storeId, context.RequestAborted);
        if (refusal is not null)
            return refusal;

        var pin = await pins.UnlockAsync(store!.StoreId, pinId, AuditActors.ForAdminToken(context.GetAdmin().TokenId));
        return pin is null
            ? PinProblems.NotFound(pinId.ToString("D"))
            : TypedResults.Ok(new CreateStaffResponse(pin.PinId, pin.Name));
    }
}
