namespace Loyalty.GrainInterfaces.Programs;

/// <summary>
/// Tier rules: a card's tier is a function of its lifetime points (points ever earned from purchases and
/// welcome bonuses) and these thresholds, inclusive: lifetime &gt;= <see cref="Gold"/> is Gold, &gt;= <see cref="Silver"/>
/// is Silver, else Bronze. Defaults: Silver at 1,000, Gold at 5,000. Spending and expiry never lower lifetime points,
/// so they never lower a tier; only voiding an earn does (that earn should not have happened).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.programs.TierThresholds")]
public sealed record TierThresholds(
    [Id(0)] long Silver = TierThresholds.DefaultSilver,
    [Id(1)] long Gold = TierThresholds.DefaultGold)
{
    public const long DefaultSilver = 1_000;
    public const long DefaultGold = 5_000;

    public static TierThresholds Default { get; } = new();

    public Tier TierFor(long lifetimePoints) =>
        lifetimePoints >= Gold ? Tier.Gold
        : lifetimePoints >= Silver ? Tier.Silver
        : Tier.Bronze;
}
