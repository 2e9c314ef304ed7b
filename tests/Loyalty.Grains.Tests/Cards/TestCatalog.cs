using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>Merchants, programs, cards and origins made through the grains, for tests on a cluster.</summary>
internal static class TestCatalog
{
    /// <summary>A new merchant with a hybrid program: 10 stamps per reward, 10 points per EUR, a 500-point reward.</summary>
    public static async Task<(Guid MerchantId, ProgramDefinition Program)> CreateProgramAsync(
        this IGrainFactory grains, int cooldownSeconds = 0, int? maxStampsPerDay = null, PointExpiryPolicy? expiry = null, long welcomeBonus = 50)
    {
        var merchantId = Guid.NewGuid();
        var merchant = await grains.GetGrain<IMerchantGrain>(merchantId).CreateAsync(new("Shop", $"shop-{merchantId:N}", "en", "test"));
        Assert.Null(merchant.Error);
        var programId = Guid.NewGuid();
        var definition = new ProgramDefinition
        {
            Id = programId.ToString("D"),
            MerchantId = merchantId.ToString("D"),
            Name = "Coffee club",
            Kind = ProgramKind.Hybrid,
            StampsRequired = 10,
            StampRewardName = "Free coffee",
            PointsPerCurrencyUnit = 10,
            Currency = "EUR",
            Rewards = [new RewardDefinition("new", "Mug", 500)],
            WelcomeBonusPoints = welcomeBonus,
            StampCooldownSeconds = cooldownSeconds,
            MaxStampsPerCardPerDay = maxStampsPerDay,
            PointExpiry = expiry ?? PointExpiryPolicy.None,
        };
        var created = await grains.GetGrain<IProgramGrain>(programId).CreateAsync(new(definition, "test"));
        Assert.Null(created.Error);
        return (merchantId, created.Value!);
    }

    public static OperationOrigin Origin(Guid merchantId, string key, DateTimeOffset? occurredAt = null) =>
        new(merchantId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Europe/Luxembourg", key, occurredAt);

    public static async Task<CardView> EnrollAsync(this IGrainFactory grains, Guid merchantId, ProgramDefinition program, string email)
    {
        var programId = Guid.Parse(program.Id);
        var outcome = await grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, email))
            .EnrollAsync(new EnrollmentRequest(programId, new CustomerProfile("Ana Lima", email, "+352 621 000 000", new DateOnly(1990, 5, 17), "fr"), Origin(merchantId, $"enrol-{Guid.NewGuid():N}")));
        Assert.Equal(CardOutcomeStatus.Applied, outcome.Status);
        return outcome.Card!;
    }

    /// <summary>A stamp of one on <paramref name="merchantId"/>'s card, under <paramref name="key"/>.</summary>
    public static CardCommand Stamp(Guid merchantId, string key) =>
        new(CardCommandKind.Stamp, Origin(merchantId, key) with { PinId = Guid.Empty }, Count: 1);
}
