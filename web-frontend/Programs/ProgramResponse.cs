using System.Text.Json;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Web.Programs;

public sealed record ProgramResponse(
    Guid Id,
    Guid MerchantId,
    string Name,
    string Kind,
    int? StampsRequired,
    string? StampRewardName,
    int? PointsPerCurrencyUnit,
    string? Currency,
    IReadOnlyList<RewardResponse> Rewards,
    long WelcomeBonusPoints,
    int StampCooldownSeconds,
    int? MaxStampsPerCardPerDay,
    int? MaxStampsPerDevicePerDay,
    PointExpiryResponse PointExpiry,
    IReadOnlyDictionary<string, string> Terms)
{
    public static ProgramResponse From(ProgramDefinition program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new(
            Guid.Parse(program.Id),
            Guid.Parse(program.MerchantId),
            program.Name,
            CamelName(program.Kind),
            program.StampsRequired,
            program.StampRewardName,
            program.PointsPerCurrencyUnit,
            program.Currency,
            [.. program.Rewards.Select(reward => new RewardResponse(reward.Id, reward.Name, reward.PointsCost))],
            program.WelcomeBonusPoints,
            program.StampCooldownSeconds,
            program.MaxStampsPerCardPerDay,
            program.MaxStampsPerDevicePerDay,
            new PointExpiryResponse(CamelName(program.PointExpiry.Mode), program.PointExpiry.Days),
            program.Terms.Texts);
    }

    private static string CamelName<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
