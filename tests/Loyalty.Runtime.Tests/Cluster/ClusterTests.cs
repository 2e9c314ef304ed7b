using System.Collections.Concurrent;
using System.Diagnostics;
using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Tests.Cluster;

/// <summary>Three silos in one process on one database: placement, transport, hand-off and failover.</summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private readonly GrainProbe _probe = new();
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync("cluster");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Calls_from_clients_on_every_silo_to_one_grain_are_serialized()
    {
        await using var cluster = await StartAsync();
        var counter = "serialized";

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            cluster.Silos[i % 3].GrainFactory.GetGrain<ICounterGrain>(counter).IncrementAsync()));

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Order());
        Assert.Equal(1000, await cluster.Silos[1].GrainFactory.GetGrain<ICounterGrain>(counter).GetAsync());
        Assert.Equal([cluster.OwnerOf(GrainId.Create("counter", counter)).Name], ActivationSilos(cluster, GrainId.Create("counter", counter)));
    }

    [Fact]
    public async Task Grains_spread_over_the_silos_and_each_has_one_activation()
    {
        await using var cluster = await StartAsync();
        var keys = Enumerable.Range(0, 60).Select(i => $"spread-{i}").ToList();

        var hosts = await Task.WhenAll(keys.Select((key, i) => cluster.Silos[i % 3].GrainFactory.GetGrain<IOperationCounterGrain>(key).GetSiloAsync()));

        Assert.Equal(3, hosts.Distinct().Count());
        foreach (var (key, host) in keys.Zip(hosts))
        {
            var id = GrainId.Create("operationcounter", key);
            Assert.Equal(cluster.OwnerOf(id).Name, host);
            Assert.Equal([host], ActivationSilos(cluster, id));
        }
    }

    [Fact]
    public async Task Killing_the_owner_under_load_loses_no_acknowledged_increment_and_doubles_none()
    {
        await using var cluster = await StartAsync();
        const string key = "failover";
        var grainId = GrainId.Create("operationcounter", key);
        var owner = cluster.OwnerOf(grainId);
        var survivors = cluster.Silos.Where(s => s != owner).ToList();
        var acknowledged = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var killedAt = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        long firstSuccessAfterKill = 0;

        // Clients attached to the survivors: each operation is retried with its id until acknowledged.
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var grain = survivors[worker % survivors.Count].GrainFactory.GetGrain<IOperationCounterGrain>(key);
            for (var i = 0; i < 60; i++)
            {
                var operation = $"{worker}-{i}";
                var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
                while (true)
                {
                    try
                    {
                        acknowledged[operation] = await grain.IncrementAsync(operation);
                        if (killedAt.Task.IsCompleted)
                        {
                            Interlocked.CompareExchange(ref firstSuccessAfterKill, Stopwatch.GetTimestamp(), 0);
                        }

                        break;
                    }
                    catch (Exception) when (Stopwatch.GetTimestamp() < deadline)
                    {
                        // Retryable: the owner died with the call; the same operation id goes again.
                    }
                }
            }
        })).ToList();

        await Eventually.TrueAsync(() => acknowledged.Count >= 100, "a hundred increments were acknowledged before the kill", TimeSpan.FromSeconds(30));
        await cluster.KillSiloAsync(owner);
        killedAt.SetResult(Stopwatch.GetTimestamp());
        await Task.WhenAll(workers);

        Assert.Equal(480, acknowledged.Count);
        var grain = survivors[0].GrainFactory.GetGrain<IOperationCounterGrain>(key);
        Assert.Equal(480, await grain.GetAsync());
        Assert.Equal(Enumerable.Range(1, 480).Select(i => (long)i), acknowledged.Values.Order());
        Assert.Contains(await grain.GetSiloAsync(), survivors.Select(s => s.Name));
        var recovery = Stopwatch.GetElapsedTime(await killedAt.Task, Interlocked.Read(ref firstSuccessAfterKill));
        Assert.True(
            recovery < TestCluster.DeathTimeout + TestCluster.HeartbeatPeriod * 2 + TimeSpan.FromSeconds(5),
            $"The grain answered again {recovery} after its owner was killed.");
    }

    [Fact]
    public async Task A_reminder_of_a_killed_silo_keeps_firing_on_a_survivor()
    {
        await using var cluster = await StartAsync();
        var key = Enumerable.Range(0, 100).Select(i => $"reminded-{i}").First(k => cluster.OwnerOf(GrainId.Create("reminder", k)) == cluster.Silos[2]);
        var grainId = GrainId.Create("reminder", key);
        var ticks = _probe.For(grainId).Ticks;
        await cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key).StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => !ticks.IsEmpty, "the reminder fired on its owner", TimeSpan.FromSeconds(20));
        Assert.Equal([cluster.Silos[2].Name], ActivationSilos(cluster, grainId));

        await cluster.KillSiloAsync(cluster.Silos[2]);
        var before = ticks.Count;

        await Eventually.TrueAsync(() => ticks.Count >= before + 2, "the reminder fired twice more after its silo was killed", TimeSpan.FromSeconds(30));
        Assert.Equal([cluster.OwnerOf(grainId).Name], ActivationSilos(cluster, grainId));
    }

    [Fact]
    public async Task A_graceful_stop_under_load_fails_no_call()
    {
        await using var cluster = await StartAsync();
        var leaving = cluster.Silos[1];
        await AssertNoCallFailsWhileAsync(cluster, "graceful", [cluster.Silos[0], cluster.Silos[2]], () => cluster.StopSiloAsync(leaving));
    }

    [Fact]
    public async Task A_silo_joining_under_load_fails_no_call()
    {
        await using var cluster = await StartAsync(silos: 2);
        await AssertNoCallFailsWhileAsync(cluster, "joining", [cluster.Silos[0], cluster.Silos[1]], async () =>
        {
            await cluster.StartAdditionalSiloAsync();
            await cluster.WaitForStableAsync();
        });
    }

    /// <summary>Runs increments on 30 grains from <paramref name="callers"/> while <paramref name="change"/> happens; none may fail.</summary>
    private static async Task AssertNoCallFailsWhileAsync(TestCluster cluster, string prefix, ClusterSilo[] callers, Func<Task> change)
    {
        var keys = Enumerable.Range(0, 30).Select(i => $"{prefix}-{i}").ToList();
        var failures = new ConcurrentQueue<Exception>();
        var acknowledged = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var key = keys[(worker * 7 + i) % keys.Count];
                try
                {
                    await callers[worker % callers.Length].GrainFactory.GetGrain<IOperationCounterGrain>(key).IncrementAsync($"{worker}-{i}");
                    acknowledged.AddOrUpdate(key, 1, (_, n) => n + 1);
                }
                catch (Exception exception)
                {
                    failures.Enqueue(exception);
                }
            }
        })).ToList();

        await Eventually.TrueAsync(() => acknowledged.Values.Sum() >= 300, "load is running", TimeSpan.FromSeconds(30));
        await change();
        var afterChange = acknowledged.Values.Sum();
        await Eventually.TrueAsync(() => acknowledged.Values.Sum() >= afterChange + 300, "load goes on after the change", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Empty(failures);
        foreach (var key in keys)
        {
            var grain = callers[0].GrainFactory.GetGrain<IOperationCounterGrain>(key);
            Assert.Equal(acknowledged.GetValueOrDefault(key), await grain.GetAsync());
            Assert.Equal(cluster.OwnerOf(GrainId.Create("operationcounter", key)).Name, await grain.GetSiloAsync());
        }
    }

    [Fact]
    public async Task A_joining_silo_takes_over_its_share_and_the_old_owners_hand_their_activations_off()
    {
        await using var cluster = await StartAsync(silos: 2);
        var keys = Enumerable.Range(0, 60).Select(i => $"joined-{i}").ToList();
        foreach (var key in keys)
        {
            await cluster.Silos[0].GrainFactory.GetGrain<IOperationCounterGrain>(key).IncrementAsync("first");
        }

        var joined = await cluster.StartAdditionalSiloAsync();
        await cluster.WaitForStableAsync();
        var moved = keys.Where(k => cluster.OwnerOf(GrainId.Create("operationcounter", k)) == joined).ToList();
        Assert.NotEmpty(moved);
        await Eventually.TrueAsync(
            () => moved.All(k => ActivationSilos(cluster, GrainId.Create("operationcounter", k)).Count == 0),
            "the old owners deactivated the grains the new silo owns");

        foreach (var key in keys)
        {
            var grain = cluster.Silos[0].GrainFactory.GetGrain<IOperationCounterGrain>(key);
            Assert.Equal(2, await grain.IncrementAsync("second"));
            Assert.Equal(cluster.OwnerOf(GrainId.Create("operationcounter", key)).Name, await grain.GetSiloAsync());
        }
    }

    [Fact]
    public async Task A_new_owner_activates_a_grain_only_after_the_previous_owner_flushed_it()
    {
        await using var cluster = await StartAsync(silos: 2);
        var gate = _probe.Gate(HandOffGrain.Gate);
        try
        {
            var keys = Enumerable.Range(0, 60).Select(i => $"handed-{i}").ToList();
            foreach (var key in keys)
            {
                Assert.Equal(0, await cluster.Silos[0].GrainFactory.GetGrain<IHandOffGrain>(key).TouchAsync());
            }

            var joined = await cluster.StartAdditionalSiloAsync();
            await cluster.WaitForStableAsync();
            var moved = keys.First(k => cluster.OwnerOf(GrainId.Create("handoff", k)) == joined);
            var grainId = GrainId.Create("handoff", moved);
            var previousOwner = cluster.Silos.Single(s => s != joined && ActivationSilos(cluster, grainId).Contains(s.Name));

            // The previous owner is stuck writing its farewell: the new owner must wait for it, not read around it.
            // (A call made on the previous owner would wait there, queued behind the deactivation: ask the new one.)
            var call = joined.GrainFactory.GetGrain<IHandOffGrain>(moved).TouchAsync();
            await Eventually.TrueAsync(
                () => joined.Services.GetRequiredService<GrainRuntime>().Catalog.TryGet(grainId, out _),
                "the new owner started activating the grain");
            Assert.False(call.IsCompleted);
            Assert.Equal(1, _probe.For(grainId).Activations);
            Assert.Equal([previousOwner.Name], ActivationSilos(cluster, grainId).Where(n => n != joined.Name));

            gate.TrySetResult();

            Assert.Equal(1, await call);
            Assert.Equal(2, _probe.For(grainId).Activations);
            Assert.Equal([joined.Name], ActivationSilos(cluster, grainId));
        }
        finally
        {
            gate.TrySetResult();
        }
    }

    [Fact]
    public async Task A_restarted_silo_is_a_new_generation_and_the_cluster_settles_with_it()
    {
        await using var cluster = await StartAsync(silos: 2);
        var old = cluster.Silos[1];

        var restarted = await cluster.RestartSiloAsync(old);
        await cluster.WaitForStableAsync();

        Assert.Equal(old.Name, restarted.Name);
        Assert.NotEqual(old.SiloId, restarted.SiloId);
        var hosts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => cluster.Silos[0].GrainFactory.GetGrain<IOperationCounterGrain>($"restart-{i}").GetSiloAsync()));
        Assert.Contains(restarted.Name, hosts);
    }

    private static List<string> ActivationSilos(TestCluster cluster, GrainId grainId) =>
        [.. cluster.Silos.Where(s => s.Services.GetRequiredService<GrainRuntime>().Catalog.TryGet(grainId, out _)).Select(s => s.Name)];

    private Task<TestCluster> StartAsync(int silos = 3) =>
        TestCluster.StartAsync(_connectionString, typeof(ClusterTests).Assembly, silos, configureServices: services => services.AddSingleton(_probe));
}
