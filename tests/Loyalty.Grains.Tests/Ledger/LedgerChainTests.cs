using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Tests.Cards;

namespace Loyalty.Grains.Tests.Ledger;

public sealed class LedgerChainTests
{
    [Fact]
    public void Append_FirstEntry_LinksToGenesisWithSequenceOne()
    {
        var entries = LedgerTestData.Chain();

        Assert.Equal(1, entries[0].Sequence);
        Assert.Equal(LedgerHead.GenesisHash, entries[0].PreviousHash);
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(entry => entry.Sequence));
        Assert.Equal(entries[3].Hash, entries[4].PreviousHash);
        Assert.Equal(64, entries[4].Hash.Length);
    }

    [Fact]
    public void Append_Operation_CopiesFactAndContext()
    {
        var program = CardFixtures.PointsProgram("EUR", 10);
        var context = CardFixtures.At(CardFixtures.Start.AddTicks(1234567)) with { OccurredAt = new DateTimeOffset(2026, 5, 16, 11, 59, 0, TimeSpan.FromHours(2)) };
        var result = CardFixtures.NewCard(program).EarnPoints(program, 1299, "EUR", context);

        var entry = LedgerChain.Append(LedgerHead.Genesis, result.Fact!, context);

        Assert.Equal((LedgerKind.Points, 129L, 129L), (entry.Kind, entry.PointsDelta, entry.PointsAfter));
        Assert.Equal(("store-1", "device-1", "pin-1", context.IdempotencyKey), (entry.StoreId, entry.DeviceId, entry.PinId, entry.IdempotencyKey));
        Assert.Equal(new DateTimeOffset(2026, 5, 16, 9, 59, 0, TimeSpan.Zero), entry.OccurredAt);
        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
        Assert.Equal(CardFixtures.Start.AddTicks(1234560), entry.RecordedAt);
        Assert.Equal(LedgerHasher.ComputeHash(entry), entry.Hash);
    }

    [Fact]
    public void Append_FactOfAnotherOperation_Throws()
    {
        var program = CardFixtures.PointsProgram();
        var fact = CardFixtures.NewCard(program).EarnPoints(program, 100, "EUR", CardFixtures.At(CardFixtures.Start)).Fact!;

        Assert.Throws<ArgumentException>(() => LedgerChain.Append(LedgerHead.Genesis, fact, CardFixtures.At(CardFixtures.Start)));
    }

    [Fact]
    public void Encode_ShiftedFieldBoundary_EncodesDifferently()
    {
        var entry = LedgerTestData.Chain()[0];

        var left = entry with { StoreId = "ab", DeviceId = "c" };
        var right = entry with { StoreId = "a", DeviceId = "bc" };

        Assert.NotEqual(LedgerHasher.Encode(left), LedgerHasher.Encode(right));
        Assert.NotEqual(LedgerHasher.ComputeHash(left), LedgerHasher.ComputeHash(right));
    }

    [Fact]
    public void Encode_NullAndEmpty_EncodeDifferently()
    {
        var entry = LedgerTestData.Chain()[0];

        Assert.NotEqual(LedgerHasher.ComputeHash(entry with { PinId = null }), LedgerHasher.ComputeHash(entry with { PinId = "" }));
    }

    [Fact]
    public void ComputeHash_AfterJsonRoundTrip_Unchanged()
    {
        var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        foreach (var entry in LedgerTestData.Chain())
        {
            var restored = System.Text.Json.JsonSerializer.Deserialize<LedgerEntry>(System.Text.Json.JsonSerializer.Serialize(entry, web), web)!;
            Assert.Equal(entry.Hash, LedgerHasher.ComputeHash(restored));
        }
    }
}
