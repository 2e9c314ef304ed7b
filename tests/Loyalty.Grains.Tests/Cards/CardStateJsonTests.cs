using System.Text.Json;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.GrainInterfaces.Programs;
using static Loyalty.Grains.Tests.Cards.CardFixtures;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>A card grain's state as stored in <c>cards.state</c> (<see cref="CardStateJson"/>): one readable JSON record.</summary>
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
        var state = new CardGrainState
        {
            Card = card,
            MerchantId = Guid.NewGuid(),
            Head = new LedgerHead(7, "h7"),
            ExpiryReminderDue = Start.AddDays(16),
            ExpiryNoticeFor = Start.AddDays(30),
        }.Remember("key-1").State.Remember("key-2").State;

        var json = CardStateJson.Serialize(state);
        var restored = CardStateJson.Deserialize(json);
        var restoredCard = restored.Card!;

        Assert.Equal(json, CardStateJson.Serialize(restored));
        Assert.Equal((state.MerchantId, state.Head, state.ExpiryReminderDue, state.ExpiryNoticeFor), (restored.MerchantId, restored.Head, restored.ExpiryReminderDue, restored.ExpiryNoticeFor));
        Assert.Equal(["key-1", "key-2"], restored.RecentKeys);
        Assert.Equal(card.Customer, restoredCard.Customer);
        Assert.Equal(card.Lots, restoredCard.Lots);
        Assert.Equal(card.RecentStamps, restoredCard.RecentStamps);
        Assert.Equal(card.Transactions, restoredCard.Transactions, TransactionsEqual);
        Assert.Contains(restoredCard.Transactions, t => t.Voided && t.Draws.Count > 0 && t.LifetimePointsDelta == 0);
        Assert.Equal(card.Transactions.SelectMany(t => t.Draws), restoredCard.Transactions.SelectMany(t => t.Draws));
        Assert.Equal((card.Stamps, card.PointsBalance, card.LifetimePoints, card.Tier, card.Status), (restoredCard.Stamps, restoredCard.PointsBalance, restoredCard.LifetimePoints, restoredCard.Tier, restoredCard.Status));
    }

    [Fact]
    public void Serialize_Card_UsesCamelCaseNamesAndEnumNames()
    {
        var program = HybridProgram();
        var card = Apply(NewCard(program).Deactivate("Lost", At(Start)));

        using var document = JsonDocument.Parse(CardStateJson.Serialize(new CardGrainState { Card = card }));
        var root = document.RootElement.GetProperty("card");

        Assert.Equal("8012345678901230", root.GetProperty("cardNumber").GetString());
        Assert.Equal("inactive", root.GetProperty("status").GetString());
        Assert.Equal("bronze", root.GetProperty("tier").GetString());
        Assert.Equal("1990-04-02", root.GetProperty("customer").GetProperty("birthday").GetString());
        Assert.Equal("statusChange", root.GetProperty("transactions")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void Serialize_TransactionsAndRecentStamps_AreNamedFieldsWithoutNullsOrDerivedValues()
    {
        var program = StampProgram();
        var stamp = At(Start.AddMinutes(1));
        var card = Apply(NewCard(program).AddStamps(program, 3, stamp));

        using var document = JsonDocument.Parse(CardStateJson.Serialize(new CardGrainState { Card = card }));
        var root = document.RootElement;
        var stored = root.GetProperty("card");

        Assert.Equal(
            $$"""{"transactionId":"{{stamp.TransactionId}}","kind":"stamp","stampsDelta":3,"rewardsDelta":0,"pointsDelta":0,"lifetimePointsDelta":0,"draws":[],"voided":false}""",
            stored.GetProperty("transactions")[1].GetRawText());
        Assert.Equal("""{"at":"2026-05-16T10:01:00+00:00","count":3}""", stored.GetProperty("recentStamps")[0].GetRawText());
        Assert.False(stored.TryGetProperty("pointsBalance", out _));
        Assert.False(root.TryGetProperty("expiryReminderDue", out _));
    }

    [Fact]
    public void Deserialize_ReadableRecords_ReadsThemWhole()
    {
        var lot = Guid.NewGuid();
        var json = $$$"""
            {"card":{"cardNumber":"8012345678901230","programId":"prog-points","customer":{"name":"Anna","email":"anna@example.com","locale":"fr"},
             "enrolledAt":"2026-05-16T10:00:00+00:00","lastActivityAt":"2026-05-16T10:05:00+00:00",
             "recentStamps":[{"at":"2026-05-16T10:01:00+00:00","count":2}],
             "transactions":[
               {"transactionId":"6f1c2a8e-1d7b-4c55-9d0e-3a2b1c0d9e8f","kind":"stamp","stampsDelta":2,"draws":[]},
               {"transactionId":"0b7e4c21-9a3d-4f6e-8b1c-2d3e4f5a6b7c","kind":"pointRedemption","pointsDelta":-100,
                "draws":[{"lotTransactionId":"{{{lot}}}","earnedAt":"2026-05-16T10:02:00+00:00","points":100}],"voided":true}]}}
            """;

        var card = CardStateJson.Deserialize(json).Card!;

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
    public void Serialize_GrainStateRecentKeys_AreStrings()
    {
        var state = new CardGrainState().Remember("key-1").State.Remember("key-2").State;

        using var document = JsonDocument.Parse(CardStateJson.Serialize(state));
        var read = CardStateJson.Deserialize("""{"recentKeys":["key-1","key-2"]}""");

        Assert.Equal("""["key-1","key-2"]""", document.RootElement.GetProperty("recentKeys").GetRawText());
        Assert.True(read.Remembers("key-2"));
        Assert.False(read.Remembers("key-3"));
        Assert.Throws<JsonException>(() => CardStateJson.Deserialize("""{"recentKeys":[7]}"""));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"transactionId\":\"not-a-guid\",\"kind\":\"stamp\"}")]
    [InlineData("{\"transactionId\":\"6f1c2a8e-1d7b-4c55-9d0e-3a2b1c0d9e8f\",\"kind\":\"sideways\"}")]
    [InlineData("\"stamp\"")]
    public void Deserialize_MalformedTransactionRecord_Throws(string record)
    {
        var json = "{\"card\":{\"cardNumber\":\"8012345678901230\",\"programId\":\"p\",\"customer\":{\"name\":\"A\",\"email\":\"a@b\",\"locale\":\"fr\"},"
            + "\"enrolledAt\":\"2026-05-16T10:00:00+00:00\",\"lastActivityAt\":\"2026-05-16T10:00:00+00:00\",\"transactions\":[" + record + "]}}";

        Assert.Throws<JsonException>(() => CardStateJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_StoredNull_Throws() => Assert.Throws<JsonException>(() => CardStateJson.Deserialize("null"));

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
