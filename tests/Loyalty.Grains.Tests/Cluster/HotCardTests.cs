using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Tests.Cards;

namespace Loyalty.Grains.Tests.Cluster;

/// <summary>One card under many callers attached to different silos.</summary>
[Collection(ThreeSilos.Name)]
public sealed class HotCardTests(ThreeSiloCluster cluster)
{
    [Fact]
    public async Task ApplyAsync_ThousandConcurrentStampsFromEverySilo_CountExactlyAThousand()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync(welcomeBonus: 0);
        var card = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var callers = cluster.Callers;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            callers[i % callers.Count].GetGrain<ICardGrain>(card.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, $"{card.CardNumber}-{i}"))));

        Assert.All(outcomes, o => Assert.Equal((CardOutcomeStatus.Applied, false), (o.Status, o.Replayed)));
        Assert.Equal(1000, outcomes.Select(o => o.TransactionId).Distinct().Count());
        var after = await cluster.Grains.GetGrain<ICardGrain>(card.CardNumber).GetAsync();
        Assert.Equal((0, 100), (after!.Stamps, after.RewardsAvailable));
        Assert.Equal(1000, await cluster.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp' AND stamps_delta = 1", card.CardNumber));
        Assert.Equal(1001, await cluster.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
        Assert.Equal(1001, await cluster.ScalarAsync("SELECT max(sequence) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
        Assert.Equal(1000, await cluster.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE card_number = $1 AND idempotency_key LIKE $1 || '-%'", card.CardNumber));
        Assert.Equal(1001, await cluster.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE card_number = $1", card.CardNumber));
        Assert.Equal(100, await cluster.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'reward-ready'", card.CardNumber));
        Assert.Equal(1, await cluster.ScalarAsync(
            "SELECT count(*) FROM cards WHERE card_number = $1 AND stamps = 0 AND rewards_available = 100 AND ledger_sequence = 1001", card.CardNumber));
        var ledger = await cluster.Grains.GetGrain<ICardGrain>(card.CardNumber).VerifyLedgerAsync();
        Assert.Equal((true, 1001L), (ledger.IsValid, ledger.EntriesChecked));
    }
}
