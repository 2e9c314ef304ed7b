using Loyalty.Browser.Tests.Hosting;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Loyalty.Browser.Tests.Admin.Dashboard;

/// <summary>
/// The site on a manual clock with three weeks of a merchant's operations, made through the enrolment and card grains
/// (2026-03-02 to 2026-03-22, Luxembourg stores): each day a few enrolments, stamps and purchases, some redemptions.
/// </summary>
public sealed class DashboardSite : SiteApp, IAsyncLifetime
{
    public const int Days = 21;

    public DashboardSite()
        : this(new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)))
    {
    }

    private DashboardSite(ManualTimeProvider clock)
        : base(new Dictionary<string, string?>(), clock)
    {
        Clock = clock;
    }

    public ManualTimeProvider Clock { get; }

    public TestMerchant Merchant { get; private set; } = null!;

    public Guid Store { get; private set; }

    /// <summary>How many cards enrolled in all: what the dashboard's enrolments show for the whole range.</summary>
    public int Enrolments { get; private set; }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var grains = Services.GetRequiredService<IGrainFactory>();
        Merchant = await Catalog.CreateMerchantAsync("Fashion Hub");
        Store = await Catalog.CreateStoreAsync(Merchant, "Fashion Hub Ville-Haute", new Dictionary<string, string?> { ["en"] = "Old town." });
        var kirchberg = await Catalog.CreateStoreAsync(Merchant, "Fashion Hub Kirchberg", new Dictionary<string, string?> { ["en"] = "Kirchberg." });
        var coffee = await Catalog.CreateStampsProgramAsync(Merchant, stamps: 5);
        var points = await Catalog.CreateProgramAsync(Merchant, new ProgramDefinition
        {
            Id = "",
            MerchantId = "",
            Name = "Fashion points",
            Kind = ProgramKind.Points,
            PointsPerCurrencyUnit = 10,
            Currency = "EUR",
            Rewards = [new RewardDefinition("scarf", "Scarf", 300)],
            WelcomeBonusPoints = 50,
        });

        var scarf = (await grains.GetGrain<IProgramGrain>(points).GetAsync())!.Rewards[0].Id;
        var cards = new List<(string Number, bool Points)>();
        for (var day = 0; day < Days; day++)
        {
            var store = day % 3 == 0 ? kirchberg : Store;
            for (var i = 0; i < 1 + (day % 4); i++)
            {
                var program = i % 2 == 0 ? coffee : points;
                var email = $"{Guid.NewGuid():N}@example.com";
                var outcome = await grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(program, email)).EnrollAsync(new EnrollmentRequest(
                    program, new CustomerProfile("Lena Weber", email, null, null, "en"), Origin(store)));
                Assert.Equal(CardOutcomeStatus.Applied, outcome.Status);
                cards.Add((outcome.Card!.CardNumber, program == points));
                Enrolments++;
            }

            foreach (var (number, isPoints) in cards.Where((_, index) => (index + day) % 3 == 0))
            {
                var card = grains.GetGrain<ICardGrain>(number);
                var command = isPoints
                    ? new CardCommand(CardCommandKind.Points, Origin(store), PurchaseAmountMinor: 1500 + (day * 250), Currency: "EUR")
                    : new CardCommand(CardCommandKind.Stamp, Origin(store), Count: 1 + (day % 3));
                Assert.Equal(CardOutcomeStatus.Applied, (await card.ApplyAsync(command)).Status);
                var view = await card.GetAsync();
                if (!isPoints && view!.RewardsAvailable > 0)
                {
                    Assert.Equal(CardOutcomeStatus.Applied, (await card.ApplyAsync(new CardCommand(CardCommandKind.StampRedemption, Origin(store)))).Status);
                }
                else if (isPoints && view!.Points >= 300)
                {
                    Assert.Equal(CardOutcomeStatus.Applied, (await card.ApplyAsync(new CardCommand(CardCommandKind.PointRedemption, Origin(store), RewardId: scarf))).Status);
                }
            }

            Clock.Advance(TimeSpan.FromDays(1));
        }

        OperationOrigin Origin(Guid store) =>
            new(Merchant.Id, store, null, null, "Europe/Luxembourg", $"dashboard-{Guid.NewGuid():N}", null);
    }
}
