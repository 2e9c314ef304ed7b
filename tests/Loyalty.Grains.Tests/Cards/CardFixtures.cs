using Loyalty.Grains.Cards;
using Loyalty.Grains.Programs;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>Programs, cards and contexts for card rule tests; every time is explicit.</summary>
internal static class CardFixtures
{
    public const string CardNumber = "8012345678901230";

    public static readonly DateTimeOffset Start = new(2026, 5, 16, 10, 0, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Luxembourg = TimeZoneInfo.FindSystemTimeZoneById("Europe/Luxembourg");

    public static ProgramDefinition StampProgram(int stampsRequired = 10, int cooldownSeconds = 0, int? maxPerDay = null) => new()
    {
        Id = "prog-stamps",
        MerchantId = "merchant-1",
        Name = "Coffee card",
        Kind = ProgramKind.Stamps,
        StampsRequired = stampsRequired,
        StampRewardName = "Free coffee",
        StampCooldownSeconds = cooldownSeconds,
        MaxStampsPerCardPerDay = maxPerDay,
    };

    public static ProgramDefinition PointsProgram(string currency = "EUR", int pointsPerUnit = 10, PointExpiryPolicy? expiry = null) => new()
    {
        Id = "prog-points",
        MerchantId = "merchant-1",
        Name = "Fashion points",
        Kind = ProgramKind.Points,
        PointsPerCurrencyUnit = pointsPerUnit,
        Currency = currency,
        Rewards = [new RewardDefinition("tote", "Tote bag", 100), new RewardDefinition("voucher", "10 EUR voucher", 500)],
        WelcomeBonusPoints = 50,
        PointExpiry = expiry ?? PointExpiryPolicy.None,
    };

    public static ProgramDefinition HybridProgram() => PointsProgram() with
    {
        Id = "prog-hybrid",
        Kind = ProgramKind.Hybrid,
        StampsRequired = 10,
        StampRewardName = "Free coffee",
    };

    public static CustomerProfile Customer() =>
        new("Anna Muller", "anna@example.com", "+352 621 000 000", new DateOnly(1990, 4, 2), "fr");

    public static OperationContext At(DateTimeOffset at, TimeZoneInfo? timeZone = null) => new()
    {
        TransactionId = Guid.NewGuid(),
        RecordedAt = at,
        OccurredAt = at,
        StoreTimeZone = timeZone ?? TimeZoneInfo.Utc,
        StoreId = "store-1",
        DeviceId = "device-1",
        PinId = "pin-1",
        IdempotencyKey = Guid.NewGuid().ToString(),
    };

    public static CardState NewCard(ProgramDefinition program, DateTimeOffset? at = null) =>
        Apply(CardState.Enroll(CardNumber, program, Customer(), At(at ?? Start)));

    /// <summary>The new state of a result that must succeed.</summary>
    public static CardState Apply(CardOperationResult result)
    {
        Assert.True(result.Succeeded, result.Violation?.Message);
        return result.State;
    }
}
