using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;

namespace Loyalty.Grains.Demo;

/// <summary>
/// The demo data. Ids are fixed so that seeding is idempotent: a seed interrupted half-way is completed by the next
/// start, and entities that exist already are refused as conflicts and left alone. Cards have random numbers, so they
/// are found again through their enrolment grain (program and e-mail) and fixed idempotency keys.
/// </summary>
public static class DemoCatalog
{
    public static readonly Guid MerchantId = new("0d3f6a52-5c1e-4a8e-9b1a-6f61736869b1");
    public static readonly Guid CityStoreId = new("0d3f6a52-5c1e-4a8e-9b1a-6f61736869c1");
    public static readonly Guid KirchbergStoreId = new("0d3f6a52-5c1e-4a8e-9b1a-6f61736869c2");
    public static readonly Guid StampsProgramId = new("0d3f6a52-5c1e-4a8e-9b1a-6f61736869d1");
    public static readonly Guid PointsProgramId = new("0d3f6a52-5c1e-4a8e-9b1a-6f61736869d2");
    public static readonly Guid CityAnnaPinId = new("0d3f6a52-5c1e-4a8e-9b1a-6f61736869e1");
    public static readonly Guid CityLucPinId = new("0d3f6a52-5c1e-4a8e-9b1a-6f61736869e2");
    public static readonly Guid KirchbergMariePinId = new("0d3f6a52-5c1e-4a8e-9b1a-6f61736869e3");
    public static readonly Guid KirchbergTomPinId = new("0d3f6a52-5c1e-4a8e-9b1a-6f61736869e4");

    /// <summary>The documented demo PINs (README): every demo store has one staff member with each.</summary>
    public const string FirstPin = "1234";
    public const string SecondPin = "5678";

    public const string TimeZone = "Europe/Luxembourg";
    public const string Currency = "EUR";

    public static CreateMerchantCommand Merchant(string actor) => new("Fashion Hub", "fashionhub", Locales.Default, actor);

    public static IReadOnlyList<(Guid Id, CreateStoreCommand Command)> Stores(string actor) =>
    [
        (CityStoreId, new CreateStoreCommand(MerchantId, "Fashion Hub Ville-Haute", "ville-haute", TimeZone, new Dictionary<string, string?>
        {
            ["en"] = "Our flagship store in the old town, with a coffee corner.",
            ["fr"] = "Notre magasin phare dans la vieille ville, avec un coin café.",
            ["de"] = "Unser Flagship-Store in der Altstadt, mit Kaffee-Ecke.",
            ["lb"] = "Eise Flagship-Buttek an der Alstad, mat engem Kaffiseck.",
        }, actor)),
        (KirchbergStoreId, new CreateStoreCommand(MerchantId, "Fashion Hub Kirchberg", "kirchberg", TimeZone, new Dictionary<string, string?>
        {
            ["en"] = "In the Kirchberg shopping centre, open late on Thursdays.",
            ["fr"] = "Dans le centre commercial du Kirchberg, ouvert tard le jeudi.",
            ["de"] = "Im Einkaufszentrum Kirchberg, donnerstags länger geöffnet.",
            ["lb"] = "Am Akafszenter um Kierchbierg, donneschdes méi laang op.",
        }, actor)),
    ];

    public static IReadOnlyList<(Guid Id, CreateProgramCommand Command)> Programs(string actor) =>
    [
        (StampsProgramId, new CreateProgramCommand(new ProgramDefinition
        {
            Id = StampsProgramId.ToString("D"),
            MerchantId = MerchantId.ToString("D"),
            Name = "Coffee card",
            Kind = ProgramKind.Stamps,
            StampsRequired = 10,
            StampRewardName = "Free coffee",
            Terms = new LocalizedText(new Dictionary<string, string>
            {
                ["en"] = "One stamp per hot drink bought at the coffee corner. The free coffee is any hot drink on the menu.",
                ["fr"] = "Un tampon par boisson chaude achetée au coin café. Le café offert est une boisson chaude de la carte au choix.",
                ["de"] = "Ein Stempel pro heißem Getränk aus der Kaffee-Ecke. Der Gratiskaffee ist ein beliebiges heißes Getränk der Karte.",
                ["lb"] = "Ee Stempel pro waarmt Gedrénks aus dem Kaffiseck. De Gratiskaffi ass e waarmt Gedrénks vun der Kaart no Wiel.",
            }),
        }, actor)),
        (PointsProgramId, new CreateProgramCommand(new ProgramDefinition
        {
            Id = PointsProgramId.ToString("D"),
            MerchantId = MerchantId.ToString("D"),
            Name = "Fashion points",
            Kind = ProgramKind.Points,
            PointsPerCurrencyUnit = 10,
            Currency = DemoCatalog.Currency,
            Rewards = [new RewardDefinition("", "EUR 5 voucher", 500), new RewardDefinition("", "Tote bag", 1_200)],
            WelcomeBonusPoints = 50,
            PointExpiry = PointExpiryPolicy.AfterEarning(365),
            Terms = new LocalizedText(new Dictionary<string, string>
            {
                ["en"] = "Points are earned on full-price purchases in Fashion Hub stores. Vouchers are valid for 3 months.",
                ["fr"] = "Les points sont gagnés sur les achats à prix plein dans les magasins Fashion Hub. Les bons sont valables 3 mois.",
                ["de"] = "Punkte gibt es auf Einkäufe zum vollen Preis in den Fashion-Hub-Filialen. Gutscheine gelten 3 Monate.",
                ["lb"] = "Punkte gëtt et op Akeef zum vollen Präis an de Fashion-Hub-Butteker. Bongen si 3 Méint gülteg.",
            }),
        }, actor)),
    ];

    public static IReadOnlyList<DemoStaffMember> Staff { get; } =
    [
        new(CityAnnaPinId, CityStoreId, "Anna", FirstPin),
        new(CityLucPinId, CityStoreId, "Luc", SecondPin),
        new(KirchbergMariePinId, KirchbergStoreId, "Marie", FirstPin),
        new(KirchbergTomPinId, KirchbergStoreId, "Tom", SecondPin),
    ];

    /// <summary>A few customers with some history: a card one stamp from a reward, one with a reward ready, points on both programs' kinds.</summary>
    public static IReadOnlyList<DemoCard> Cards { get; } =
    [
        new("demo-emma", StampsProgramId, CityStoreId, CityAnnaPinId, "Emma Schmit", "emma.schmit@example.com", Stamps: 9),
        new("demo-paul", StampsProgramId, CityStoreId, CityLucPinId, "Paul Weber", "paul.weber@example.com", Stamps: 10),
        new("demo-sofia", StampsProgramId, KirchbergStoreId, KirchbergMariePinId, "Sofia Rossi", "sofia.rossi@example.com", Stamps: 3),
        new("demo-lena", PointsProgramId, KirchbergStoreId, KirchbergTomPinId, "Lena Muller", "lena.muller@example.com", PurchaseAmountMinor: 4_250),
        new("demo-jonas", PointsProgramId, CityStoreId, CityAnnaPinId, "Jonas Klein", "jonas.klein@example.com", PurchaseAmountMinor: 12_000),
    ];
}
