using System.Security.Cryptography;
using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Devices;
using Loyalty.Grains.Audit;
using Loyalty.Grains.ReadModels;
using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Devices;

/// <summary>
/// A paired terminal. Every terminal request is authenticated here, never from a cache: the grain has one
/// activation in the cluster and its calls run one at a time, so once <see cref="RevokeAsync"/> has committed and
/// returned, the next authentication anywhere answers revoked.
/// </summary>
[GrainType("device")]
public sealed partial class DeviceGrain(
    [PersistentState("device")] IPersistentState<DeviceState> state,
    RowWriter rows,
    TimeProvider time) : Grain, IDeviceGrain
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
        var device = new DeviceState
        {
            StoreId = command.StoreId,
            MerchantId = command.MerchantId,
            Name = command.Name,
            TokenHash = DeviceTokens.Hash(token),
            Status = DeviceStatus.Active,
            PairedAt = now,
            LastSeenAt = now,
        };

        // Pairing is the terminal's own act (with a code an admin issued), so the device is the actor.
        await SaveAsync(device, Audit(device, AuditActors.ForDevice(Id), AuditActions.DevicePaired, now));
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

    public async Task<bool> RevokeAsync(string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var device = state.State;
        if (!device.Exists)
            return false;
        if (device.Status != DeviceStatus.Revoked)
        {
            var now = time.GetUtcNow();
            await SaveAsync(device with { Status = DeviceStatus.Revoked, RevokedAt = now }, Audit(device, actor, AuditActions.DeviceRevoked, now));
        }

        return true;
    }

    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Exists ? GrainReadModel.RepairAsync(this, rows, DeviceRows.Device(Id, state.State), cancellationToken) : Task.CompletedTask;

    private async Task SaveAsync(DeviceState next, AuditEntry? audit = null)
    {
        state.State = next;
        await state.WriteStateAsync();
        var device = DeviceRows.Device(Id, next);
        await GrainReadModel.WriteAsync(this, rows, audit is null ? [device] : [device, audit.ToStorageRow()]);
    }

    private AuditEntry Audit(DeviceState device, string actor, string action, DateTimeOffset now) =>
        new(device.MerchantId, actor, action, AuditSubjects.Device, Id.ToString("D"), now)
        {
            Details = new Dictionary<string, object?> { ["name"] = device.Name, ["storeId"] = device.StoreId },
        };

    private DeviceDetails ToDetails()
    {
        var device = state.State;
        return new DeviceDetails(
            Id, device.StoreId, device.MerchantId, device.Name, device.Status,
            device.PairedAt, device.LastSeenAt, device.RevokedAt);
    }
}
