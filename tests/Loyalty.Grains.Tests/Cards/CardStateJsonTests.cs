using System.Text.Json;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Programs;
using static Loyalty.Grains.Tests.Cards.CardFixtures;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardStateJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Serialize_BusyCard_RoundTripsEveryField()
    {
        var program = HybridProgram() with { StampCooldownSeconds = 60, MaxStampsPerCardPerDay = 20 };
        var card = Apply(NewCard(program).GrantWelcomeBonus(program, At(Start)));
        card = Apply(card.AddStamps(program, 4, At(Start.AddMinutes(1), Luxembourg)));
        card = Apply(card.EarnPoints(program, 12_345, "EUR", At(Start.AddMinutes(2))));
        card = Apply(card.RedeemPointsReward(program, "tote", At(Start.AddMinutes(3))));
        card = Apply(card.Deactivate("Lost", At(Start.AddMinutes(4))));

        var json = JsonSerializer.Serialize(card, Web);
        var restored = JsonSerializer.Deserialize<CardState>(json, Web)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored, Web));
        Assert.Equal(card.Customer, restored.Customer);
        Assert.Equal(card.Lots, restored.Lots);
        Assert.Equal(card.RecentStamps, restored.RecentStamps);
        Assert.Equal(card.Transactions.Select(t => (t.TransactionId, t.Kind, t.PointsDelta)), restored.Transactions.Select(t => (t.TransactionId, t.Kind, t.PointsDelta)));
        Assert.Equal(card.Transactions.SelectMany(t => t.Draws), restored.Transactions.SelectMany(t => t.Draws));
        Assert.Equal((card.Stamps, card.PointsBalance, card.LifetimePoints, card.Tier, card.Status), (restored.Stamps, restored.PointsBalance, restored.LifetimePoints, restored.Tier, restored.Status));
    }

    [Fact]
    public void Serialize_Card_UsesCamelCaseNamesAndEnumNames()
    {
        var program = HybridProgram();
        var card = Apply(NewCard(program).Deactivate("Lost", At(Start)));

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(card, Web));
        var root = document.RootElement;

        Assert.Equal("8012345678901230", root.GetProperty("cardNumber").GetString());
        Assert.Equal("inactive", root.GetProperty("status").GetString());
        Assert.Equal("bronze", root.GetProperty("tier").GetString());
        Assert.Equal("1990-04-02", root.GetProperty("customer").GetProperty("birthday").GetString());
        Assert.Equal("statusChange", root.GetProperty("transactions")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void Serialize_ProgramDefinition_RoundTrips()
    {
        var program = HybridProgram() with
        {
            PointExpiry = PointExpiryPolicy.AfterEarning(365),
            Terms = new LocalizedText(new Dictionary<string, string> { ["en"] = "Terms", ["fr"] = "Conditions" }),
        };

        var json = JsonSerializer.Serialize(program, Web);
        var restored = JsonSerializer.Deserialize<ProgramDefinition>(json, Web)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored, Web));
        Assert.Contains("\"kind\":\"hybrid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"afterEarning\"", json, StringComparison.Ordinal);
        Assert.Equal("Conditions", restored.Terms.Resolve("fr-LU"));
    }
}
