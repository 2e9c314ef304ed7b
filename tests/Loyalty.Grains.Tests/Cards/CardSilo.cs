using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Testing;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>A one-silo cluster hosting the real grains on a database of its own, on a manual clock.</summary>
public sealed class CardSilo : LoyaltyTestCluster
{
    public CardSilo()
        : this(null)
    {
    }

    private CardSilo(CardSilo? previous)
        : base(new LoyaltyTestClusterOptions
        {
            ManualClock = true,
            ClockStart = previous?.Time.GetUtcNow() ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
            DatabasePrefix = "cards",
            ConnectionString = previous?.ConnectionString,
        })
    {
    }

    /// <summary>A cluster on the database of another (stopped) one, to see what a new activation reloads.</summary>
    public static CardSilo After(CardSilo previous) => new(previous);

    /// <summary>A new merchant with a hybrid program: 10 stamps per reward, 10 points per EUR, a 500-point reward.</summary>
    public Task<(Guid MerchantId, ProgramDefinition Program)> CreateProgramAsync(
        int cooldownSeconds = 0, int? maxStampsPerDay = null, PointExpiryPolicy? expiry = null, long welcomeBonus = 50) =>
        Grains.CreateProgramAsync(cooldownSeconds, maxStampsPerDay, expiry, welcomeBonus);

    public static OperationOrigin Origin(Guid merchantId, string key, DateTimeOffset? occurredAt = null) =>
        TestCatalog.Origin(merchantId, key, occurredAt);

    public Task<CardView> EnrollAsync(Guid merchantId, ProgramDefinition program, string email) =>
        Grains.EnrollAsync(merchantId, program, email);
}
