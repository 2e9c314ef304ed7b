using System.Collections.Concurrent;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Tests.Cards;
using Loyalty.Testing;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Loyalty.Grains.Tests.Cluster;

/// <summary>A silo killed under load: every answered operation is in the ledger once, and every retry is answered.</summary>
public sealed class SiloCrashTests(CrashCluster cluster, ITestOutputHelper output) : IClassFixture<CrashCluster>
{
    private const int Cards = 40;
    private const int StampsPerCard = 40;
    private const int Workers = 24;

    [Fact]
    public async Task ApplyAsync_SiloKilledUnderLoad_LosesAndDoublesNothing()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync(welcomeBonus: 0);
        var cards = new List<CardView>();
        foreach (var i in Enumerable.Range(0, Cards))
        {
            cards.Add(await cluster.Callers[i % cluster.Callers.Count].EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com"));
        }

        // The victim: a secondary silo that hosts some of the cards.
        var victim = VictimHostingCards(cards);
        var survivors = cluster.Silos.Where(s => s != victim).ToList();
        var operations = cards
            .SelectMany(card => Enumerable.Range(0, StampsPerCard).Select(i => new Operation(card.CardNumber, TestCatalog.Stamp(merchantId, $"{card.CardNumber}-{i}"))))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var queue = new ConcurrentQueue<Operation>(operations);
        var answered = 0;
        var killed = false;
        var victimCallers = new[] { LoyaltyTestCluster.GrainsOn(victim) };
        var survivorCallers = new List<IGrainFactory> { cluster.Client };
        survivorCallers.AddRange(survivors.Select(LoyaltyTestCluster.GrainsOn));

        // Load from every silo (the victim's own callers too, until it dies); the victim is killed a third of the way in.
        var load = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var operation))
            {
                var callers = worker % 4 == 0 && !Volatile.Read(ref killed) ? victimCallers : survivorCallers.ToArray();
                try
                {
                    operation.First = await callers[Random.Shared.Next(callers.Length)].GetGrain<ICardGrain>(operation.CardNumber).ApplyAsync(operation.Command);
                    Interlocked.Increment(ref answered);
                }
#pragma warning disable CA1031 // A failed call is what the test is about: it is retried below.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    operation.Failure = exception;
                }
            }
        })).ToList();
        await Eventually.TrueAsync(() => Volatile.Read(ref answered) >= operations.Count / 3, "a third of the load was answered", TimeSpan.FromSeconds(60));
        Volatile.Write(ref killed, true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);
        output.WriteLine($"killed {victim.SiloAddress} after {Volatile.Read(ref answered)} answers, in {clock.Elapsed}");
        await Task.WhenAll(load);
        output.WriteLine($"load done at {clock.Elapsed}");
        await cluster.WaitForMembershipAsync();
        output.WriteLine($"membership settled at {clock.Elapsed}");

        // Every operation again, under its key, through the survivors, until each has an answer.
        foreach (var operation in operations)
        {
            operation.Retry = await RetryAsync(operation, survivorCallers);
        }

        var failed = operations.Count(o => o.First is null);
        output.WriteLine($"retries done at {clock.Elapsed}: {failed} of {operations.Count} failed first ({string.Join("; ", operations.Where(o => o.Failure is not null).GroupBy(o => o.Failure!.GetType().Name).Select(g => $"{g.Key} x{g.Count()}"))}); " +
            $"{operations.Count(o => o.First is null && o.Retry!.Replayed)} of those had committed");
        Assert.True(operations.Count(o => o.First is not null) >= operations.Count / 3, $"Only {operations.Count - failed} operations were answered before the retries.");
        Assert.All(operations.Where(o => o.First is not null), o =>
        {
            Assert.Equal((CardOutcomeStatus.Applied, false), (o.First!.Status, o.First.Replayed));
            Assert.Equal(o.First with { Replayed = true }, o.Retry);
        });
        Assert.All(operations.Where(o => o.First is null), o => Assert.Equal(CardOutcomeStatus.Applied, o.Retry!.Status));

        // Each operation's transaction is in the ledger exactly once: none lost, none doubled.
        var ledger = await cluster.QueryAsync(
            "SELECT transaction_id FROM ledger_entries l JOIN cards c USING (card_number) WHERE c.merchant_id = $1 AND l.kind = 'stamp'",
            reader => reader.GetGuid(0),
            merchantId);
        Assert.Equal(operations.Count, ledger.Count);
        Assert.Equal(operations.Select(o => o.Retry!.TransactionId!.Value).Order(), ledger.Order());
        foreach (var card in cards)
        {
            var grain = cluster.Grains.GetGrain<ICardGrain>(card.CardNumber);
            var after = await grain.GetAsync();
            Assert.Equal(StampsPerCard, (after!.RewardsAvailable * 10) + after.Stamps);
            Assert.Equal(StampsPerCard + 1, await cluster.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE card_number = $1", card.CardNumber));
            Assert.True((await grain.VerifyLedgerAsync()).IsValid);
        }
    }

    /// <summary>A secondary silo hosting some of the cards' activations (activated by the enrolments).</summary>
    private InProcessSiloHandle VictimHostingCards(IEnumerable<CardView> cards)
    {
        var hosts = cards
            .Select(card => cluster.Cluster.TryGetGrainContext(cluster.Grains.GetGrain<ICardGrain>(card.CardNumber).GetGrainId(), out var context) ? context.Address.SiloAddress : null)
            .Where(silo => silo is not null)
            .ToList();
        var victim = cluster.Silos.Skip(1).MaxBy(silo => hosts.Count(host => host!.Equals(silo.SiloAddress)))!;
        Assert.Contains(hosts, host => host!.Equals(victim.SiloAddress));
        return victim;
    }

    /// <summary>The operation sent again until a silo answers it (the killed silo's cards move to the survivors).</summary>
    private static async Task<CardOutcome> RetryAsync(Operation operation, List<IGrainFactory> callers)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await callers[attempt % callers.Count].GetGrain<ICardGrain>(operation.CardNumber).ApplyAsync(operation.Command);
            }
            catch (Exception) when (attempt < 5)
            {
                // Still the killed silo's activation in some directory: the next attempt goes elsewhere.
            }
        }
    }

    private sealed class Operation(string cardNumber, CardCommand command)
    {
        public string CardNumber { get; } = cardNumber;

        public CardCommand Command { get; } = command;

        public CardOutcome? First { get; set; }

        public Exception? Failure { get; set; }

        public CardOutcome? Retry { get; set; }
    }
}
