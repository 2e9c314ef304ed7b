namespace Loyalty.Wallet.Passes;

/// <summary>
/// What a pass last showed (stored with the pass): compared with the card now, it tells whether an update is worth a
/// notification. <see cref="ExpiringSoon"/> is the date of the soonest points expiry when it is close (else null).
/// </summary>
public sealed record PassSnapshot(long Points, int Stamps, int RewardsReady, string Tier, bool Active, DateTimeOffset? ExpiringSoon, long ExpiringPoints);
