using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Wallet.Tests.Fixtures;

/// <summary>Merchants, programs and cards made through the grains, for the wallet tests.</summary>
internal static class WalletCatalog
{
    /// <summary>A new merchant with a hybrid program: <paramref name="stampsRequired"/> stamps per reward, 10 points per EUR, a 500-point mug.</summary>
    public static async Task<(Guid MerchantId, ProgramDefinition Program)> CreateProgramAsync(this IGrainFactory grains, int stampsRequired = 10)
    {
        var merchantId = Guid.NewGuid();
        var merchant = await grains.GetGrain<IMerchantGrain>(merchantId).CreateAsync(new("Café Wallet", $"cafe-{merchantId:N}", "en", "test"));
        Assert.Null(merchant.Error);
        var programId = Guid.NewGuid();
        var created = await grains.GetGrain<IProgramGrain>(programId).CreateAsync(new(
            new ProgramDefinition
            {
                Id = programId.ToString("D"),
                MerchantId = merchantId.ToString("D"),
                Name = "Coffee club",
                Kind = ProgramKind.Hybrid,
                StampsRequired = stampsRequired,
                StampRewardName = "Free coffee",
                PointsPerCurrencyUnit = 10,
                Currency = "EUR",
                Rewards = [new RewardDefinition("new", "Mug", 500)],
                WelcomeBonusPoints = 50,
            },
            "test"));
        Assert.Null(created.Error);
        return (merchantId, created.Value!);
    }

    public static async Task<CardView> EnrollAsync(this IGrainFactory grains, Guid merchantId, ProgramDefinition program)
    {
        var programId = Guid.Parse(program.Id);
        var email = $"ana-{Guid.NewGuid():N}@example.com";
        var outcome = await grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, email))
            .EnrollAsync(new EnrollmentRequest(programId, new CustomerProfile("Ana Lima", email, null, null, "fr"), Origin(merchantId)));
        Assert.Equal(CardOutcomeStatus.Applied, outcome.Status);
        return outcome.Card!;
    }

    public static async Task<CardView> StampAsync(this IGrainFactory grains, Guid merchantId, string cardNumber)
    {
        var outcome = await grains.GetGrain<ICardGrain>(cardNumber).ApplyAsync(new CardCommand(CardCommandKind.Stamp, Origin(merchantId) with { PinId = Guid.Empty }, Count: 1));
        Assert.Equal(CardOutcomeStatus.Applied, outcome.Status);
        return outcome.Card!;
    }

    private static OperationOrigin Origin(Guid merchantId) =>
        new(merchantId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Europe/Luxembourg", $"key-{Guid.NewGuid():N}", null);
}
