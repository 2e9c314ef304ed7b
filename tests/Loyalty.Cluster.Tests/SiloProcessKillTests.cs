using System.Globalization;
using Loyalty.Testing;
using Xunit.Abstractions;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// Issue #3's failover scenario across real processes: two <c>silo</c> processes and a web frontend in pure client
/// mode on one database; one silo is SIGKILLed while terminals stamp cards through the client.
/// </summary>
[Collection(ProcessTestCollection.Name)]
public sealed class SiloProcessKillTests(ITestOutputHelper output)
{
    private const int CardCount = 20;
    private const int Terminals = 16;

    /// <summary>
    /// How late after the kill every card may answer again: the killed silo's cards wait for its death to be declared,
    /// and the terminals whose request was in flight through its gateway wait for the response timeout before they
    /// retry (their next stamps go nowhere meanwhile); plus a few seconds.
    /// </summary>
    private static readonly TimeSpan RecoveryAllowance =
        (ProcessCluster.DeathTimeout > ProcessCluster.ResponseTimeout ? ProcessCluster.DeathTimeout : ProcessCluster.ResponseTimeout) + TimeSpan.FromSeconds(8);

    /// <summary>How long a terminal keeps retrying one stamp: far beyond any failover, short of a hung test.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(45);

    /// <summary>Generous deadlines for waits on a loaded 2-core machine; none of them is asserted as a timing.</summary>
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task TwoSiloProcessesAndAClient_OneSiloSigkilledUnderLoad_EveryAcknowledgedStampCountedOnce()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var cluster = await ProcessCluster.StartAsync("silo-a", "silo-b");
        output.WriteLine($"cluster started in {Seconds(started.Elapsed)}");
        try
        {
            await RunScenarioAsync(cluster);
        }
        catch (Exception exception)
        {
            // Everything each process wrote, in a file a developer (or a CI log) can point at; the last lines inline.
            var dump = Path.Combine(Path.GetTempPath(), $"loyalty-cluster-test-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            await File.WriteAllTextAsync(dump, cluster.Describe(int.MaxValue));
            throw new Exception($"{exception.Message}\n\nEvery process's full output: {dump}\nProcess output (last lines of each):\n{cluster.Describe()}", exception);
        }
    }

    private async Task RunScenarioAsync(ProcessCluster cluster)
    {
        var terminal = await StampTerminal.SetUpAsync(cluster);
        using var device = cluster.CreateClient(terminal.DeviceToken);
        var cards = await terminal.EnrollAsync(device, CardCount);

        // Load on both silos first, then kill the one that holds more activations (cards, programs, stores, devices).
        var load = new StampLoad(device, cards, terminal.PinId, GiveUpAfter);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(Terminals, stop.Token);
        var killedAt = TimeSpan.Zero;
        try
        {
            await Eventually.TrueAsync(
                () => running.IsCompleted || cards.All(card => load.Acknowledged.Count(a => a.Card == card) >= 5),
                "every card has taken 5 stamps before the kill",
                WaitTimeout);
            var before = await cluster.GetClusterViewAsync();
            var victimView = before.Silos.Where(s => s.Status == "Active").MaxBy(s => s.Activations)!;
            Assert.True(victimView.Activations > 0, $"the silo to kill hosts grains: {before}");
            var victim = cluster.Silos.Single(s => s.Name == victimView.Name);
            var survivor = cluster.Silos.Single(s => s != victim);

            killedAt = load.Elapsed;
            victim.Kill();
            output.WriteLine($"{Seconds(killedAt)} SIGKILL {victim.Name} (pid {victim.Id}); before: {before}");

            await cluster.WaitForSilosAsync(
                view => view.StatusOf(victim.Name) == "Dead" && view.StatusOf(survivor.Name) == "Active",
                $"{victim.Name} is Dead and {survivor.Name} Active",
                ProcessCluster.DeathTimeout + WaitTimeout);
            var deadAt = load.Elapsed;
            output.WriteLine($"{Seconds(deadAt)} {victim.Name} listed Dead");

            // Keep stamping until the survivor has served every card for a while.
            await Eventually.TrueAsync(
                () => running.IsCompleted || (load.Elapsed > deadAt + TimeSpan.FromSeconds(3)
                    && cards.All(card => load.Acknowledged.Count(a => a.Card == card && a.Sent > deadAt) >= 3)),
                "every card has taken stamps for 3 s since the killed silo was listed Dead",
                WaitTimeout);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }

        output.WriteLine($"{Seconds(load.Elapsed)} load stopped: {load.Acknowledged.Count} acknowledged, retries {Describe(load.Retries)}, slowest request {Seconds(load.SlowestAttempt)}");
        Assert.True(load.Refused.Count == 0, $"stamps refused:\n{string.Join('\n', load.Refused.Take(20))}");
        Assert.True(load.Abandoned.Count == 0, $"stamps never acknowledged within {GiveUpAfter}:\n{string.Join('\n', load.Abandoned.Take(20))}");

        await AssertEveryAcknowledgedStampCountedOnceAsync(cluster, device, cards, load.Acknowledged);
        AssertEveryCardAnsweredAgainInTime(cards, load, killedAt);
        var after = await cluster.GetClusterViewAsync();
        output.WriteLine($"after: {after}");
    }

    private async Task AssertEveryAcknowledgedStampCountedOnceAsync(
        ProcessCluster cluster, HttpClient device, IReadOnlyList<string> cards, IReadOnlyCollection<Acknowledgement> acknowledged)
    {
        using var admin = cluster.CreateClient(ProcessCluster.AdminToken);
        var keysByCard = acknowledged.GroupBy(a => a.Card).ToDictionary(g => g.Key, g => g.Select(a => a.Key).ToList());
        foreach (var card in cards)
        {
            var expected = keysByCard.GetValueOrDefault(card) ?? [];
            Assert.Equal(expected.Count, expected.Distinct().Count());

            foreach (var (api, client) in new[] { (StampTerminal.AdminApi, admin), (StampTerminal.TerminalApi, device) })
            {
                var body = await StampTerminal.GetAsync(client, $"{api}/cards/{card}");
                var stamps = (body.GetProperty("rewardsAvailable").GetInt32() * StampTerminal.StampsRequired) + body.GetProperty("stamps").GetInt32();
                Assert.True(expected.Count == stamps, $"card {card}: {expected.Count} stamps acknowledged, {api} shows {stamps}");
            }

            var ledger = await StampLedgerKeysAsync(admin, card);
            var missing = expected.Except(ledger).ToList();
            var doubled = ledger.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            var unknown = ledger.Except(expected).ToList();
            Assert.True(
                missing.Count == 0 && doubled.Count == 0 && unknown.Count == 0,
                $"card {card} ledger: missing [{string.Join(", ", missing)}], doubled [{string.Join(", ", doubled)}], never acknowledged [{string.Join(", ", unknown)}]");

            var verification = await StampTerminal.GetAsync(admin, $"{StampTerminal.AdminApi}/cards/{card}/ledger-verification");
            Assert.True(verification.GetProperty("isValid").GetBoolean(), $"card {card} ledger verification: {verification}");
        }

        output.WriteLine($"{acknowledged.Count} acknowledged stamps on {cards.Count} cards: every one on its card and in its ledger exactly once");
    }

    /// <summary>
    /// For each card, the first stamp sent after the kill and acknowledged: the killed silo's cards wait for its death
    /// to be declared, then the survivor serves them.
    /// </summary>
    private void AssertEveryCardAnsweredAgainInTime(IReadOnlyList<string> cards, StampLoad load, TimeSpan killedAt)
    {
        var recovery = cards.ToDictionary(
            card => card,
            card => load.Acknowledged.Where(a => a.Card == card && a.Sent > killedAt).Select(a => a.Answered - killedAt).DefaultIfEmpty(TimeSpan.MaxValue).Min());
        var slowest = recovery.MaxBy(r => r.Value);
        output.WriteLine($"slowest card to answer after the kill: {slowest.Key} after {Seconds(slowest.Value)} (allowed {Seconds(RecoveryAllowance)})");
        Assert.True(
            slowest.Value <= RecoveryAllowance,
            $"card {slowest.Key} answered only {Seconds(slowest.Value)} after the kill (death timeout {Seconds(ProcessCluster.DeathTimeout)}, response timeout {Seconds(ProcessCluster.ResponseTimeout)}, allowed {Seconds(RecoveryAllowance)})");
    }

    private static async Task<List<string>> StampLedgerKeysAsync(HttpClient admin, string card)
    {
        var keys = new List<string>();
        for (var page = 1; ; page++)
        {
            var body = await StampTerminal.GetAsync(admin, $"{StampTerminal.AdminApi}/cards/{card}/transactions?page={page}&pageSize=200");
            var items = body.GetProperty("items").EnumerateArray().ToList();
            keys.AddRange(items.Where(i => i.GetProperty("kind").GetString() == "stamp").Select(i => i.GetProperty("idempotencyKey").GetString()!));
            if (items.Count == 0 || page * 200 >= body.GetProperty("total").GetInt64())
            {
                return keys;
            }
        }
    }

    private static string Seconds(TimeSpan time) =>
        time == TimeSpan.MaxValue ? "never" : time.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);

    private static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));
}
