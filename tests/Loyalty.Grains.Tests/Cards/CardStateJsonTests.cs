using System.Text.Json;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
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
        card = Apply(card.Void(program, card.Transactions[^1].TransactionId, "Wrong card", At(Start.AddMinutes(4))));
        card = Apply(card.Deactivate("Lost", At(Start.AddMinutes(5))));

        var json = JsonSerializer.Serialize(card, Web);
        var restored = JsonSerializer.Deserialize<CardState>(json, Web)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored, Web));
        Assert.Equal(card.Customer, restored.Customer);
        Assert.Equal(card.Lots, restored.Lots);
        Assert.Equal(card.RecentStamps, restored.RecentStamps);
        Assert.Equal(card.Transactions, restored.Transactions, TransactionsEqual);
        Assert.Contains(restored.Transactions, t => t.Voided && t.Draws.Count > 0 && t.LifetimePointsDelta == 0);
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
        Assert.Equal("statusChange", root.GetProperty("transactions")[1][1].GetString());
    }

    [Fact]
    public void Serialize_TransactionsAndRecentStamps_AreArraysWithoutTrailingDefaults()
    {
        var program = StampProgram();
        var stamp = At(Start.AddMinutes(1));
        var card = Apply(NewCard(program).AddStamps(program, 3, stamp));

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(card, Web));
        var root = document.RootElement;

        Assert.Equal($"[\"{card.Transactions[0].TransactionId}\",\"enrollment\"]", root.GetProperty("transactions")[0].GetRawText());
        Assert.Equal($"[\"{stamp.TransactionId}\",\"stamp\",3]", root.GetProperty("transactions")[1].GetRawText());
        Assert.Equal("[\"2026-05-16T10:01:00+00:00\",3]", root.GetProperty("recentStamps")[0].GetRawText());
        Assert.False(root.TryGetProperty("pointsBalance", out _));
    }

    [Fact]
    public void Deserialize_RecordsInTheEarlierObjectForm_ReadsThemWhole()
    {
        var lot = Guid.NewGuid();
        var json = $$"""
            {"cardNumber":"8012345678901230","programId":"prog-points","customer":{"name":"Anna","email":"anna@example.com","locale":"fr"},
             "enrolledAt":"2026-05-16T10:00:00+00:00","lastActivityAt":"2026-05-16T10:05:00+00:00",
             "recentStamps":[{"at":"2026-05-16T10:01:00+00:00","count":2}],
             "transactions":[
               {"transactionId":"6f1c2a8e-1d7b-4c55-9d0e-3a2b1c0d9e8f","kind":"stamp","stampsDelta":2,"draws":[]},
               {"transactionId":"0b7e4c21-9a3d-4f6e-8b1c-2d3e4f5a6b7c","kind":"pointRedemption","pointsDelta":-100,
                "draws":[{"lotTransactionId":"{{lot}}","earnedAt":"2026-05-16T10:02:00+00:00","points":100}],"voided":true}]}
            """;

        var card = JsonSerializer.Deserialize<CardState>(json, Web)!;

        Assert.Equal([new StampRecord(Start.AddMinutes(1), 2)], card.RecentStamps);
        Assert.Equal(
            [
                new TransactionRecord { TransactionId = Guid.Parse("6f1c2a8e-1d7b-4c55-9d0e-3a2b1c0d9e8f"), Kind = LedgerKind.Stamp, StampsDelta = 2 },
                new TransactionRecord
                {
                    TransactionId = Guid.Parse("0b7e4c21-9a3d-4f6e-8b1c-2d3e4f5a6b7c"), Kind = LedgerKind.PointRedemption, PointsDelta = -100, Voided = true,
                    Draws = [new LotDraw(lot, Start.AddMinutes(2), 100)],
                },
            ],
            card.Transactions,
            TransactionsEqual);
    }

    [Fact]
    public void Serialize_GrainStateRecentKeys_AreStringsAndTheEarlierObjectFormStillReads()
    {
        var state = new CardGrainState().Remember("key-1").State.Remember("key-2").State;

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(state, Web));
        var earlier = JsonSerializer.Deserialize<CardGrainState>(
            """{"recentKeys":[{"key":"key-1","fingerprint":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},"key-2"]}""", Web)!;

        Assert.Equal("""["key-1","key-2"]""", document.RootElement.GetProperty("recentKeys").GetRawText());
        Assert.Equal(["key-1", "key-2"], earlier.RecentKeys.Select(key => key.Key));
        Assert.True(earlier.Remembers("key-2"));
        Assert.False(earlier.Remembers("key-3"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CardGrainState>("""{"recentKeys":[7]}""", Web));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[\"not-a-guid\",\"stamp\"]")]
    [InlineData("[\"6f1c2a8e-1d7b-4c55-9d0e-3a2b1c0d9e8f\",\"stamp\",1,0,0,0,false,[],7]")]
    [InlineData("\"stamp\"")]
    public void Deserialize_MalformedTransactionRecord_Throws(string record)
    {
        var json = "{\"cardNumber\":\"8012345678901230\",\"programId\":\"p\",\"customer\":{\"name\":\"A\",\"email\":\"a@b\",\"locale\":\"fr\"},"
            + "\"enrolledAt\":\"2026-05-16T10:00:00+00:00\",\"lastActivityAt\":\"2026-05-16T10:00:00+00:00\",\"transactions\":[" + record + "]}";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CardState>(json, Web));
    }

    private static bool TransactionsEqual(TransactionRecord expected, TransactionRecord actual) =>
        expected with { Draws = [] } == actual with { Draws = [] } && expected.Draws.SequenceEqual(actual.Draws);

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
