using Loyalty.GrainInterfaces.Programs;
using Loyalty.Testing;

namespace Loyalty.Browser.Tests.Hosting;

/// <summary>A merchant with a store and a stamps program (what most storefront tests need), and card counts from the database.</summary>
public static class ShopSetup
{
    public static async Task<(TestMerchant Merchant, Guid ProgramId)> CreateShopAsync(this SiteApp app, string name = "Café Lumière")
    {
        ArgumentNullException.ThrowIfNull(app);
        var merchant = await app.Catalog.CreateMerchantAsync(name);
        await app.Catalog.CreateStoreAsync(merchant, $"{name} Gare", new Dictionary<string, string?>
        {
            ["en"] = "Next to the station, open from 7 am.",
            ["fr"] = "À côté de la gare, ouvert dès 7 h.",
            ["de"] = "Neben dem Bahnhof, ab 7 Uhr geöffnet.",
            ["lb"] = "Nieft der Gare, vu 7 Auer op.",
        });
        var programId = await app.Catalog.CreateProgramAsync(merchant, new ProgramDefinition
        {
            Id = "",
            MerchantId = "",
            Name = "Carte café",
            Kind = ProgramKind.Stamps,
            StampsRequired = 8,
            StampRewardName = "Un café offert",
            Terms = new LocalizedText(new Dictionary<string, string> { ["en"] = "One stamp per drink bought." }),
        });
        return (merchant, programId);
    }

    /// <summary>A shop like the demo merchant (two stores, a stamps and a points program), for the screenshots.</summary>
    public static async Task<(TestMerchant Merchant, Guid PointsProgramId)> CreateDemoLikeShopAsync(this SiteApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var merchant = await app.Catalog.CreateMerchantAsync("Fashion Hub");
        await app.Catalog.CreateStoreAsync(merchant, "Fashion Hub Ville-Haute", new Dictionary<string, string?>
        {
            ["en"] = "Our flagship store in the old town, with a coffee corner.",
            ["fr"] = "Notre magasin phare dans la vieille ville, avec un coin café.",
        });
        await app.Catalog.CreateStoreAsync(merchant, "Fashion Hub Kirchberg", new Dictionary<string, string?>
        {
            ["en"] = "In the Kirchberg shopping centre, open late on Thursdays.",
            ["fr"] = "Dans le centre commercial du Kirchberg, ouvert tard le jeudi.",
        });
        await app.Catalog.CreateStampsProgramAsync(merchant);
        var points = await app.Catalog.CreateProgramAsync(merchant, new ProgramDefinition
        {
            Id = "",
            MerchantId = "",
            Name = "Fashion points",
            Kind = ProgramKind.Points,
            PointsPerCurrencyUnit = 10,
            Currency = "EUR",
            WelcomeBonusPoints = 50,
            Rewards = [new RewardDefinition("", "EUR 5 voucher", 500), new RewardDefinition("", "Tote bag", 1_200)],
            PointExpiry = PointExpiryPolicy.AfterEarning(365),
        });
        return (merchant, points);
    }

    public static Task<long> CountCardsAsync(this SiteApp app, Guid programId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return CardRows.CountForProgramAsync(app.ConnectionString, programId);
    }
}
