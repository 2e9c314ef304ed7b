using Orleans.Concurrency;

namespace Loyalty.GrainInterfaces.Devices;

/// <summary>
/// One paired terminal (key: the device id). It is the single source of truth for the device's token and
/// revocation: every terminal request is authenticated by a call to it, so a revoke that has returned is seen by
/// the next request on every frontend (no cache can outlive it).
/// </summary>
[Alias("loyalty.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Pairs the device with a store: generates its 256-bit token, stores only the token's SHA-256 (with the
    /// <c>devices</c> row and a <c>device.paired</c> audit entry by <c>device:{id}</c>) and returns the token, which is
    /// never available again. Null when the device id is taken.
    /// </summary>
    [Alias("PairAsync")]
    Task<DevicePairing?> PairAsync(PairDeviceCommand command);

    /// <summary>
    /// Checks a presented token's SHA-256 in constant time. An active device's last-seen time is updated,
    /// persisted at most once a minute.
    /// </summary>
    [Alias("AuthenticateAsync")]
    Task<DeviceAuthentication> AuthenticateAsync(byte[] tokenHash);

    /// <summary>The device, or null when it was never paired.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<DeviceDetails?> GetAsync();

    /// <summary>
    /// Revokes the device; once this returns, every later <see cref="AuthenticateAsync"/> answers revoked.
    /// Returns false when the device was never paired. The revoke commits with a <c>device.revoked</c> audit entry by
    /// <paramref name="actor"/>. Revoking twice is harmless (and audited once).
    /// </summary>
    [Alias("RevokeAsync")]
    Task<bool> RevokeAsync(string actor);

    /// <summary>
    /// Counts stamps against the program's per-device daily cap (days in the store's time zone). The card asks once its
    /// own rules accepted the stamps; allowed stamps stay counted even if the card's write then fails (the cap errs
    /// toward refusing). A retry with the same idempotency key is answered as the first time without counting again.
    /// </summary>
    [Alias("CountStampsAsync")]
    Task<DeviceStampDecision> CountStampsAsync(DeviceStampRequest request);
}
