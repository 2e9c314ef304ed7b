namespace Loyalty.GrainInterfaces.Merchants;

/// <summary>Sets a merchant's staff PIN lockout. Values are as the client sent them; the grain validates them.</summary>
/// <param name="MaxConsecutiveFailures">Failures in a row that lock a PIN, 1 to 100.</param>
/// <param name="LockMinutes">How long a lock lasts, 1 to 1440 minutes.</param>
/// <param name="Actor">Who asks, for the audit log (an admin token id or "system").</param>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.merchants.SetPinLockoutCommand")]
public sealed record SetPinLockoutCommand(
    [Id(0)] int? MaxConsecutiveFailures,
    [Id(1)] int? LockMinutes,
    [Id(2)] string Actor);
