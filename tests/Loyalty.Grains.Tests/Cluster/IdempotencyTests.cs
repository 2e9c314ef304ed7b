using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Tests.Cards;

namespace Loyalty.Grains.Tests.Cluster;

/// <summary>A retry gets the first answer, whenever it comes, and never fails another caller's operation.</summary>
[Collection(ThreeSilos.Name)]
public sealed class IdempotencyTests(ThreeSiloCluster cluster)
{
    [Fact]
    public async Task ApplyAsync_EveryKeySentTwiceAtOnceFromTwoSilos_AnswersBothWithTheFirstAnswer()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync(welcomeBonus: 0);
        var card = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var callers = cluster.Callers;
        var keys = Enumerable.Range(0, 200).Select(i => $"{card.CardNumber}-twice-{i}").ToList();

        // Both copies of a key leave at once, from different silos, into a card whose writes are busy with the others.
        var outcomes = await Task.WhenAll(keys.SelectMany((key, i) => new[] { i, i + 1 }.Select(caller =>
            callers[caller % callers.Count].GetGrain<ICardGrain>(card.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, key)))));

        Assert.All(outcomes, o => Assert.Equal(CardOutcomeStatus.Applied, o.Status));
        foreach (var pair in outcomes.Chunk(2))
        {
            Assert.Single(pair, o => !o.Replayed);
            Assert.Equal(pair[0] with { Replayed = false }, pair[1] with { Replayed = false });
        }

        var after = await cluster.Grains.GetGrain<ICardGrain>(card.CardNumber).GetAsync();
        Assert.Equal(200, (after!.RewardsAvailable * 10) + after.Stamps);
        Assert.Equal(200, await cluster.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp'", card.CardNumber));
        Assert.Equal(200, await cluster.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE card_number = $1 AND idempotency_key LIKE $1 || '-twice-%'", card.CardNumber));
    }

    [Fact]
    public async Task ApplyAsync_KeyOlderThanTheCardRemembers_GetsTheFirstAnswerAndChangesNothing()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync(welcomeBonus: 0);
        var card = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = cluster.Grains.GetGrain<ICardGrain>(card.CardNumber);
        var earn = new CardCommand(CardCommandKind.Points, TestCatalog.Origin(merchantId, $"{card.CardNumber}-old"), PurchaseAmountMinor: 2_550, Currency: "EUR");
        var first = await grain.ApplyAsync(earn);
        foreach (var i in Enumerable.Range(0, 100))
        {
            Assert.Equal(CardOutcomeStatus.Applied, (await grain.ApplyAsync(TestCatalog.Stamp(merchantId, $"{card.CardNumber}-{i}"))).Status);
        }

        var before = await grain.GetAsync();
        var version = await cluster.ScalarAsync("SELECT version FROM cards WHERE card_number = $1", card.CardNumber);

        // The card's state keeps its last 64 keys; this activation also remembers older ones in memory.
        var replay = await cluster.Callers[2].GetGrain<ICardGrain>(card.CardNumber).ApplyAsync(earn);

        // A new activation knows only the 64: the key's first answer comes from its stored record.
        await cluster.Cluster.DeactivateAsync(grain);
        var replayAfterReload = await cluster.Callers[3].GetGrain<ICardGrain>(card.CardNumber).ApplyAsync(earn);

        Assert.Equal((CardOutcomeStatus.Applied, 255L), (first.Status, first.PointsEarned!.Value));
        Assert.Equal(first with { Replayed = true }, replay);
        Assert.Equal(first with { Replayed = true }, replayAfterReload);
        Assert.Equal(before, await grain.GetAsync());
        Assert.Equal(version, await cluster.ScalarAsync("SELECT version FROM cards WHERE card_number = $1", card.CardNumber));
        Assert.Equal(102, await cluster.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
        Assert.Equal(CardOutcomeStatus.Applied, (await grain.ApplyAsync(TestCatalog.Stamp(merchantId, $"{card.CardNumber}-after"))).Status);
    }

    [Fact]
    public async Task ApplyAsync_KeyReusedOnAnotherCardOfTheMerchant_IsRefusedAndChangesNeitherCard()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync(welcomeBonus: 0);
        var one = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var two = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var key = $"{one.CardNumber}-shared";
        var onOne = await cluster.Callers[1].GetGrain<ICardGrain>(one.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, key));
        var before = (await cluster.Grains.GetGrain<ICardGrain>(one.CardNumber).GetAsync(), await cluster.Grains.GetGrain<ICardGrain>(two.CardNumber).GetAsync());
        var versions = await VersionsAsync(one, two);

        var onTwo = await cluster.Callers[2].GetGrain<ICardGrain>(two.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, key));
        var onTwoAgain = await cluster.Callers[3].GetGrain<ICardGrain>(two.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, key));
        var onOneAgain = await cluster.Callers[0].GetGrain<ICardGrain>(one.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, key));

        Assert.Equal(CardOutcomeStatus.Applied, onOne.Status);
        Assert.Equal((CardOutcomeStatus.KeyReused, "idempotency-key-reused"), (onTwo.Status, onTwo.Error!.Code));
        Assert.Equal(onTwo, onTwoAgain);
        Assert.Equal(onOne with { Replayed = true }, onOneAgain);
        Assert.Equal(before, (await cluster.Grains.GetGrain<ICardGrain>(one.CardNumber).GetAsync(), await cluster.Grains.GetGrain<ICardGrain>(two.CardNumber).GetAsync()));
        Assert.Equal(versions, await VersionsAsync(one, two));
        Assert.Equal(1, await cluster.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1", two.CardNumber)); // the enrolment only
        Assert.Equal(1, await cluster.ScalarAsync(
            "SELECT count(*) FROM idempotency_keys WHERE merchant_id = $1 AND idempotency_key = $2 AND card_number = $3", merchantId, key, one.CardNumber));
    }

    [Fact]
    public async Task ApplyAsync_OperationsCoalescedWithAKeyOfAnotherCard_StillSucceedOnce()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync(welcomeBonus: 0);
        var one = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var two = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var callers = cluster.Callers;
        var applied = 0;
        var rounds = 0;

        // A write that carries the conflicting key fails on the idempotency table and takes the operations riding with it
        // (and behind it) down with it: they run again on the reloaded card. Bursts until that has been seen.
        while (!RanAgain(two.CardNumber) && rounds < 10)
        {
            var conflict = $"{one.CardNumber}-conflict-{rounds}";
            Assert.Equal(CardOutcomeStatus.Applied, (await cluster.Grains.GetGrain<ICardGrain>(one.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, conflict))).Status);
            var keys = Enumerable.Range(0, 30).Select(i => i == 15 ? conflict : $"{two.CardNumber}-{rounds}-{i}").ToList();

            var outcomes = await Task.WhenAll(keys.Select((key, i) =>
                callers[i % callers.Count].GetGrain<ICardGrain>(two.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, key))));

            Assert.Equal(CardOutcomeStatus.KeyReused, outcomes[15].Status);
            Assert.All(outcomes.Where((_, i) => i != 15), o => Assert.Equal((CardOutcomeStatus.Applied, false), (o.Status, o.Replayed)));
            applied += 29;
            rounds++;
            Assert.Equal(applied, await cluster.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp'", two.CardNumber));
        }

        Assert.True(RanAgain(two.CardNumber), $"No operation rode a failed write in {rounds} bursts.");
        var after = await cluster.Grains.GetGrain<ICardGrain>(two.CardNumber).GetAsync();
        Assert.Equal(applied, (after!.RewardsAvailable * 10) + after.Stamps);
        Assert.Equal(rounds, (await cluster.Grains.GetGrain<ICardGrain>(one.CardNumber).GetAsync())!.Stamps);
        Assert.Equal(0, await cluster.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE card_number = $1 AND idempotency_key LIKE '%-conflict-%'", two.CardNumber));
    }

    [Fact]
    public async Task ApplyAsync_MoreOperationsThanTheCardRemembersCoalescedWithAKeyOfAnotherCard_StillSucceedOnce()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync(welcomeBonus: 0);
        var one = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var two = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var callers = cluster.Callers;
        var conflict = $"{one.CardNumber}-conflict";
        Assert.Equal(CardOutcomeStatus.Applied, (await cluster.Grains.GetGrain<ICardGrain>(one.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, conflict))).Status);

        // One write carries far more keys than the card's state keeps (64): the ones it pushed out must not count as
        // answered when the write fails on the conflicting key and they run again.
        var keys = Enumerable.Range(0, 300).Select(i => i == 150 ? conflict : $"{two.CardNumber}-many-{i}").ToList();
        var outcomes = await Task.WhenAll(keys.Select((key, i) =>
            callers[i % callers.Count].GetGrain<ICardGrain>(two.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, key))));

        Assert.Equal(CardOutcomeStatus.KeyReused, outcomes[150].Status);
        Assert.All(outcomes.Where((_, i) => i != 150), o => Assert.Equal((CardOutcomeStatus.Applied, false), (o.Status, o.Replayed)));
        Assert.Equal(299, await cluster.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp'", two.CardNumber));
    }

    private bool RanAgain(string cardNumber) =>
        cluster.CardLogs.Entries.Any(e => e.Message.Contains($"on card {cardNumber} runs again", StringComparison.Ordinal));

    private async Task<(long, long)> VersionsAsync(CardView one, CardView two) =>
        (await cluster.ScalarAsync("SELECT version FROM cards WHERE card_number = $1", one.CardNumber),
         await cluster.ScalarAsync("SELECT version FROM cards WHERE card_number = $1", two.CardNumber));
}
