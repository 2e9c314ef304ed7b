using System.Security.Cryptography;
using Loyalty.GrainInterfaces.Devices;
using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Grains.Devices;

/// <summary>
/// A paired terminal. Every terminal request is authenticated here, never from a cache: the grain has one
/// activation in the cluster and its calls run one at a time, so once <see cref="RevokeAsync"/> has committed and
/// returned, the next authentication anywhere answers revoked.
/// </summary>
public sealed class DeviceGrain([PersistentState("device")] IPersistentState<DeviceState> state, TimeProvider time) : Grain, IDeviceGrain
{
    /// <summary>Last-seen is informational: persisting it on every request would turn each read into a write.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public async Task<DevicePairing?> PairAsync(PairDeviceCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state.State.Exists)
            return null;
        var token = DeviceTokens.Generate();
        var now = time.GetUtcNow();
        await SaveAsync(new DeviceState
        {
            StoreId = command.StoreId,
            MerchantId = command.MerchantId,
            Name = command.Name,
            TokenHash = DeviceTokens.Hash(token),
            Status = DeviceStatus.Active,
            PairedAt = now,
            LastSeenAt = now,
        });
        return new DevicePairing(ToDetails(), token);
    }

    public async Task<DeviceAuthentication> AuthenticateAsync(byte[] tokenHash)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        var device = state.State;
        if (!device.Exists || !CryptographicOperations.FixedTimeEquals(device.TokenHash, tokenHash))
            return DeviceAuthentication.Unknown;
        if (device.Status == DeviceStatus.Revoked)
            return DeviceAuthentication.Revoked;

        var now = time.GetUtcNow();
        if (device.LastSeenAt is not { } seen || now - seen >= LastSeenResolution)
            await SaveAsync(device with { LastSeenAt = now });
        return new DeviceAuthentication(DeviceAuthenticationOutcome.Active, ToDetails());
    }

    public Task<DeviceDetails?> GetAsync() => Task.FromResult(state.State.Exists ? ToDetails() : null);

    public async Task<bool> RevokeAsync()
    {
        var device = state.State;
        if (!device.Exists)
            return false;
        if (device.Status != DeviceStatus.Revoked)
            await SaveAsync(device with { Status = DeviceStatus.Revoked, RevokedAt = time.GetUtcNow() });
        return true;
    }

    private Task SaveAsync(DeviceState next)
    {
        state.State = next;
        return state.WriteStateAsync([DeviceRows.Device(GrainId.GetGuidKey(), next)]);
    }

    private DeviceDetails ToDetails()
    {
        var device = state.State;
        return new DeviceDetails(
            GrainId.GetGuidKey(), device.StoreId, device.MerchantId, device.Name, device.Status,
            device.PairedAt, device.LastSeenAt, device.RevokedAt);
    }
}
