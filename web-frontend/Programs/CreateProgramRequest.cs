namespace Loyalty.Web.Programs;

/// <summary>Body of <c>POST /merchants/{merchantId}/programs</c> (admin API v1); optional fields have their contract defaults.</summary>
public sealed record CreateProgramRequest(
    string? Name,
    string? Kind,
    int? StampsRequired,
    string? StampRewardName,
    int? PointsPerCurrencyUnit,
    string? Currency,
    IReadOnlyList<RewardRequest?>? Rewards,
    long? WelcomeBonusPoints,
    int? StampCooldownSeconds,
    int? MaxStampsPerCardPerDay,
    int? MaxStampsPerDevicePerDay,
    PointExpiryRequest? PointExpiry,
    IReadOnlyDictionary<string, string?>? Terms);
