using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Devices;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Pairing;
using Loyalty.GrainInterfaces.Pins;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;

namespace Loyalty.GrainInterfaces.Tests;

/// <summary>
/// One representative value of every record that travels in a grain call, with every optional member set, built
/// the way grains build them (the factories included), so a codec that drops a member or cannot handle a runtime
/// collection type shows up.
/// </summary>
internal static class GrainContractSamples
{
    private static readonly Guid MerchantId = Guid.Parse("5b0f6d2e-8f1c-4a51-9c1e-0d2b7a3c4e01");
    private static readonly Guid StoreId = Guid.Parse("1c9e4a7b-2d3f-4e5a-8b6c-7d8e9f0a1b02");
    private static readonly Guid ProgramId = Guid.Parse("a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c03");
    private static readonly Guid DeviceId = Guid.Parse("3f2e1d0c-9b8a-4765-a432-10fedcba9804");
    private static readonly Guid PinId = Guid.Parse("c0ffee00-1234-4abc-9def-567890abcd05");
    private static readonly DateTimeOffset At = new(2026, 5, 16, 10, 30, 15, TimeSpan.FromHours(2));

    public static OperationOrigin Origin { get; } = new(
        MerchantId, StoreId, DeviceId, PinId, "Europe/Luxembourg", "idem-0001", At.AddMinutes(-3), "admin-token-1");

    public static CustomerProfile Customer { get; } = new("Ana Weber", "ana@example.lu", "+352 621 000 000", new DateOnly(1990, 2, 28), "fr", MarketingOptIn: true);

    public static CardView Card { get; } = new(
        "8012345678901230", MerchantId, ProgramId, Customer, 7, 1_250, 1, "silver", CardStatus.Active, At);

    public static CardError CardRefusal { get; } = new(
        "validation",
        "Count must be between 1 and 10.",
        At.AddHours(14),
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["count"] = ["Count must be between 1 and 10."],
            ["currency"] = new List<string> { "Unknown currency.", "Currency must be EUR." },
        });

    public static ProgramDefinition Program { get; } = new()
    {
        Id = ProgramId.ToString("D"),
        MerchantId = MerchantId.ToString("D"),
        Name = "Café Bleu rewards",
        Kind = ProgramKind.Hybrid,
        StampsRequired = 10,
        StampRewardName = "Free coffee",
        PointsPerCurrencyUnit = 10,
        Currency = "EUR",
        Rewards = [new RewardDefinition("reward-1", "Croissant", 300), new RewardDefinition("reward-2", "Mug", 2_000)],
        WelcomeBonusPoints = 50,
        StampCooldownSeconds = 30,
        MaxStampsPerCardPerDay = 3,
        MaxStampsPerDevicePerDay = 200,
        PointExpiry = PointExpiryPolicy.AfterEarning(365),
        TierThresholds = new TierThresholds(500, 2_500),
        Terms = new LocalizedText(
            new Dictionary<string, string> { ["en"] = "Points expire after a year.", ["fr"] = "Les points expirent après un an." },
            "fr"),
    };

    public static DeviceDetails Device { get; } = new(
        DeviceId, StoreId, MerchantId, "Counter tablet", DeviceStatus.Revoked, At, At.AddDays(2), At.AddDays(3));

    public static MerchantDetails Merchant { get; } = new(MerchantId, "Café Bleu", "cafe-bleu", "fr", At);

    public static StoreDetails Store { get; } = new(
        StoreId,
        MerchantId,
        "Café Bleu Gare",
        "gare",
        "Europe/Luxembourg",
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["fr"] = "Près de la gare.", ["de"] = "Am Bahnhof." },
        "Près de la gare.",
        "fr",
        At);

    /// <summary>Every sample, one or more per serialized type (generic records once per closing the grains use).</summary>
    public static IReadOnlyList<object> All { get; } =
    [
        // Cards
        new CardBalance(7, 1_250, 1),
        new CardCommand(CardCommandKind.Adjustment, Origin, 2, 1_999, "EUR", "reward-1", -1, 40, "Goodwill", Guid.Parse("0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6")),
        CardRefusal,
        new CardOutcome(CardOutcomeStatus.Refused, Card, new CardBalance(7, 1_250, 1), Guid.Parse("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"), 120, CardRefusal, Replayed: true),
        Card,
        Customer,
        new CustomerErasure(MerchantId, "customer"),
        new EnrollmentRequest(ProgramId, Customer, Origin),
        new LedgerVerificationResult(false, 42, 17, "Entry 17's hash does not match."),
        Origin,
        new PointsExpiry(475, At.AddDays(365)),

        // Commands
        CommandError.Validation("name", "A name is required."),
        CommandResult.Success(Program),
        CommandResult.Failure<MerchantDetails>(CommandError.Conflict("The slug cafe-bleu is taken.")),
        CommandResult.Success(new PinLockoutSettings(3, TimeSpan.FromMinutes(30))),
        CommandResult.Success(Store),

        // Devices
        new DeviceAuthentication(DeviceAuthenticationOutcome.Active, Device),
        Device,
        new DevicePairing(Device, "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c"),
        new DeviceStampDecision(false, "The device reached today's stamp cap.", At.AddHours(13)),
        new DeviceStampRequest("idem-0002", ProgramId, 2, 200, At, "Europe/Luxembourg"),
        new PairDeviceCommand(StoreId, MerchantId, "Counter tablet"),

        // Merchants
        new CreateMerchantCommand("Café Bleu", "cafe-bleu", "fr", "system"),
        Merchant,
        new SetPinLockoutCommand(3, 30, "admin-token-1"),

        // Pairing
        new PairingCodeIssue("ABCD2345", At.AddMinutes(10)),
        new PairingCodeRedemption(PairingCodeOutcome.Redeemed, StoreId, MerchantId),

        // Pins
        new CreatePinCommand(StoreId, MerchantId, "Morning shift", "482913", "admin-token-1"),
        new PinDetails(PinId, StoreId, MerchantId, "Morning shift", "$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234", At.AddMinutes(15), At),
        new PinLockoutSettings(5, TimeSpan.FromMinutes(15)),
        new PinVerification(PinVerificationOutcome.Locked, 0, At.AddMinutes(15)),

        // Programs
        new CreateProgramCommand(Program, "system"),
        new UpdateProgramCommand(Program, "account:5c1f9a6e-3b0d-4f7a-9e2c-8d4b1a0f6e21"),
        Program.Terms,
        PointExpiryPolicy.Inactivity(180),
        Program,
        new RewardDefinition("reward-1", "Croissant", 300),
        new TierThresholds(500, 2_500),

        // Stores
        new CreateStoreCommand(
            MerchantId, "Café Bleu Gare", "gare", null, new Dictionary<string, string?> { ["fr"] = "Près de la gare.", ["lb"] = null }, "system"),
        new UpdateStoreCommand(
            MerchantId, "Café Bleu Kirchberg", "Europe/Luxembourg", new Dictionary<string, string?> { ["de"] = "Am Kirchberg.", ["en"] = null }, "system"),
        Store,
    ];
}
