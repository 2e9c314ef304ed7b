using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Admin;
using Loyalty.Web.Problems;
using Loyalty.Web.Stores;

namespace Loyalty.Web.Devices;

/// <summary>Admin endpoints for paired terminals: a store's list, and revocation.</summary>
public static class DeviceAdminEndpoints
{
    public static RouteGroupBuilder MapDeviceAdminEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/stores/{storeId:guid}/devices", ListAsync)
            .WithName("ListStoreDevices")
            .Produces<IReadOnlyList<DeviceResponse>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/devices/{deviceId:guid}/revoke", RevokeAsync)
            .WithName("RevokeDevice")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<IResult> ListAsync(
        Guid storeId, HttpContext context, IStoreDirectory stores, DeviceDirectory devices, CancellationToken cancellationToken)
    {
        var (_, refusal) = await StoreAccess.AuthorizeAsync(context, stores, storeId, cancellationToken);
        return refusal ?? TypedResults.Ok(await devices.ListByStoreAsync(storeId, cancellationToken));
    }

    private static async Task<IResult> RevokeAsync(Guid deviceId, HttpContext context, DeviceCommands devices)
    {
        var details = await devices.FindAsync(deviceId);
        if (details is null)
            return Problem.Create(StatusCodes.Status404NotFound, ProblemCodes.DeviceNotFound, "Device not found", $"There is no device {deviceId}.");
        var admin = context.GetAdmin();
        if (!StoreAccess.MayManage(admin, details.MerchantId))
            return Problem.Forbidden("The device belongs to another merchant.");

        await devices.RevokeAsync(details, AuditActors.ForAdminToken(admin.TokenId));
        return TypedResults.NoContent();
    }
}
