using Loyalty.GrainInterfaces.Devices;
using Orleans;

namespace Loyalty.Web.Devices;

/// <summary>Device revocation for the admin API and the admin devices page: the same grain command, the caller's actor.</summary>
public sealed partial class DeviceCommands(IGrainFactory grains, ILogger<DeviceCommands> logger)
{
    /// <summary>The device as its grain holds it, or null when it was never paired.</summary>
    public Task<DeviceDetails?> FindAsync(Guid deviceId) => grains.GetGrain<IDeviceGrain>(deviceId).GetAsync();

    /// <summary>
    /// Revokes the device (the caller has checked it is the admin's): once this returns, its next terminal request is
    /// refused. Revoking a revoked device changes nothing.
    /// </summary>
    public async Task RevokeAsync(DeviceDetails device, string actor)
    {
        ArgumentNullException.ThrowIfNull(device);
        await grains.GetGrain<IDeviceGrain>(device.DeviceId).RevokeAsync(actor);
        LogRevoked(logger, device.DeviceId, device.StoreId, actor);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked device {DeviceId} of store {StoreId} (actor {Actor})")]
    private static partial void LogRevoked(ILogger logger, Guid deviceId, Guid storeId, string actor);
}
