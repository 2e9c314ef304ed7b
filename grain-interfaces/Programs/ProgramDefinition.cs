using System.Text.Json.Serialization;

namespace Loyalty.GrainInterfaces.Programs;

/// <summary>
/// A merchant's loyalty program, as the program grain persists it. Stamp fields apply to
/// <see cref="ProgramKind.Stamps"/> and <see cref="ProgramKind.Hybrid"/>, point fields to
/// <see cref="ProgramKind.Points"/> and <see cref="ProgramKind.Hybrid"/>; the program rules (Loyalty.Grains.Programs.ProgramValidator) check that.
/// </summary>
[GenerateSerializer]
[Alias("loyalty.programs.ProgramDefinition")]
public sealed record ProgramDefinition
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string MerchantId { get; init; }

    [Id(2)]
    public required string Name { get; init; }

    [Id(3)]
    public required ProgramKind Kind { get; init; }

    /// <summary>Stamps that earn one stamp reward.</summary>
    [Id(4)]
    public int? StampsRequired { get; init; }

    [Id(5)]
    public string? StampRewardName { get; init; }

    /// <summary>Points per one major currency unit (per euro, per yen), an integer.</summary>
    [Id(6)]
    public int? PointsPerCurrencyUnit { get; init; }

    /// <summary>ISO 4217 code; purchases in another currency are refused.</summary>
    [Id(7)]
    public string? Currency { get; init; }

    [Id(8)]
    public IReadOnlyList<RewardDefinition> Rewards { get; init; } = [];

    [Id(9)]
    public long WelcomeBonusPoints { get; init; }

    /// <summary>Minimum time between two stamp operations on one card; 0 disables the cooldown.</summary>
    [Id(10)]
    public int StampCooldownSeconds { get; init; }

    /// <summary>Stamps one card may receive per day in the store's time zone; null means no cap.</summary>
    [Id(11)]
    public int? MaxStampsPerCardPerDay { get; init; }

    /// <summary>Stamps of this program one device may give per day in the store's time zone; null means no cap.</summary>
    [Id(12)]
    public int? MaxStampsPerDevicePerDay { get; init; }

    [Id(13)]
    public PointExpiryPolicy PointExpiry { get; init; } = PointExpiryPolicy.None;

    [Id(14)]
    public TierThresholds TierThresholds { get; init; } = TierThresholds.Default;

    /// <summary>Terms and conditions per locale.</summary>
    [Id(15)]
    public LocalizedText Terms { get; init; } = LocalizedText.Empty;

    [JsonIgnore]
    public bool HasStamps => Kind is ProgramKind.Stamps or ProgramKind.Hybrid;

    [JsonIgnore]
    public bool HasPoints => Kind is ProgramKind.Points or ProgramKind.Hybrid;

    [JsonIgnore]
    public TimeSpan StampCooldown => TimeSpan.FromSeconds(StampCooldownSeconds);

    public RewardDefinition? FindReward(string? rewardId) =>
        Rewards.FirstOrDefault(reward => string.Equals(reward.Id, rewardId, StringComparison.Ordinal));
}
