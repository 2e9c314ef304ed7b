namespace Loyalty.Web.Programs;

/// <summary>
/// Body of <c>PUT /merchants/{merchantId}/programs/{programId}</c>: the program's rules as they should be, in the
/// shape of <see cref="CreateProgramRequest"/>. The kind must stay; a reward with the id of one of the program's
/// rewards keeps it, a reward without an id is new, a reward left out is removed from the catalogue.
/// </summary>
public sealed record UpdateProgramRequest(
    string? Name,
    string? Kind,
    int? StampsRequired,
    string? StampRewardName,
    int? PointsPerCurrencyUnit,
    string? Currency,
    IReadOnlyList<RewardUpdateRequest?>? Rewards,
    long? WelcomeBonusPoints,
    int? StampCooldownSeconds,
    int? MaxStampsPerCardPerDay,
    int? MaxStampsPerDevicePerDay,
    PointExpiryRequest? PointExpiry,
    IReadOnlyDictionary<string, string?>? Terms);
