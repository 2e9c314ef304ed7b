using Loyalty.Runtime.Cluster;
using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Tests.Membership;

public sealed class FailureDetectionTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>
{
    private static readonly TimeSpan Heartbeat = MembershipCluster.HeartbeatPeriod;

    [Fact]
    public async Task Crash_SiloStopsHeartbeating_DeclaredDeadOnlyAfterDeathTimeoutAndASecondRead()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        var survivor = await cluster.StartSiloAsync();
        var victim = await cluster.StartSiloAsync();

        // The survivor declares no one until its own heartbeats have been steady for a death timeout.
        await cluster.StepAsync(MembershipCluster.DeathTimeout + Heartbeat);
        await cluster.KillAsync(victim);
        var lastHeartbeat = (await cluster.RowAsync(victim)).HeartbeatAt;

        // Stale at DeathTimeout (first read), declared one heartbeat period later (second read, unchanged).
        for (var age = Heartbeat; age <= MembershipCluster.DeathTimeout; age += Heartbeat)
        {
            await cluster.StepAsync(Heartbeat);
            Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(victim)).Status);
        }

        await cluster.StepAsync(Heartbeat);
        var row = await cluster.RowAsync(victim);
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(MembershipCluster.Id(survivor), row.DeclaredDeadBy);
        Assert.Equal(lastHeartbeat + MembershipCluster.DeathTimeout + Heartbeat, row.DeclaredDeadAt);
        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(survivor)).Status);
        await Eventually.TrueAsync(
            () => MembershipCluster.View(survivor).Current.Find(row.SiloId)?.Status == SiloStatus.Dead,
            "the survivor's view shows the victim dead");
    }

    [Fact]
    public async Task Cleanup_DeadRowOlderThanRetention_IsDeleted()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Loyalty:Membership:DeadRowRetention"] = "00:00:30",
            ["Loyalty:Membership:CleanupPeriod"] = "00:00:04",
        });
        await cluster.StartSiloAsync();
        var victim = await cluster.StartSiloAsync();
        await cluster.StepAsync(MembershipCluster.DeathTimeout + Heartbeat);
        await cluster.KillAsync(victim);
        await cluster.StepAsync(MembershipCluster.DeathTimeout + Heartbeat);
        var deadAt = (await cluster.RowAsync(victim)).DeclaredDeadAt!.Value;

        await cluster.StepAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(deadAt + TimeSpan.FromSeconds(30), cluster.Time.GetUtcNow());
        Assert.Contains(await cluster.Table.ReadAllAsync(CancellationToken.None), s => s.SiloId == MembershipCluster.Id(victim));

        await cluster.StepAsync(TimeSpan.FromSeconds(4));
        Assert.DoesNotContain(await cluster.Table.ReadAllAsync(CancellationToken.None), s => s.SiloId == MembershipCluster.Id(victim));
    }

    [Fact]
    public async Task GetSilosAsync_TwoSilos_ListsBothWithTheirActivationCounts()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        var first = await cluster.StartSiloAsync();
        var second = await cluster.StartSiloAsync();
        await first.GrainFactory.GetGrain<ICounterGrain>("status-a").IncrementAsync();
        foreach (var key in new[] { "status-b", "status-c" })
        {
            await second.GrainFactory.GetGrain<ICounterGrain>(key).IncrementAsync();
        }

        // The second silo's counts reach the table with its next heartbeat.
        await cluster.StepAsync(Heartbeat);
        var silos = await first.Services.GetRequiredService<IClusterStatusProvider>().GetSilosAsync(CancellationToken.None);

        Assert.Equal(2, silos.Count);
        Assert.Equal(MembershipCluster.Id(first), silos[0].SiloId);
        Assert.Equal(1, silos[0].ActivationsByGrainType["counter"]);
        Assert.Equal(MembershipCluster.Id(second), silos[1].SiloId);
        Assert.Equal(2, silos[1].ActivationsByGrainType["counter"]);
        Assert.All(silos, s => Assert.Equal("Active", s.Status));
        Assert.All(silos, s => Assert.Equal(cluster.Time.GetUtcNow(), s.LastHeartbeat));
    }

    [Fact]
    public async Task Listener_ConnectionKilled_ViewCatchesUpAndListenerReconnects()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        var first = await cluster.StartSiloAsync();
        var service = MembershipCluster.Service(first);
        await Eventually.TrueAsync(() => service.IsListening, "the first silo listens");

        await database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN loyalty_membership' AND datname = current_database()");
        await Eventually.TrueAsync(() => !service.IsListening, "the listener noticed");
        var second = await cluster.StartSiloAsync();

        // Nothing is listening when the second silo joins: the reconnect's catch-up read or a periodic read finds it.
        await cluster.StepAsync(TimeSpan.FromSeconds(6));
        await Eventually.TrueAsync(() => MembershipCluster.View(first).Current.Find(MembershipCluster.Id(second)) is not null, "a full read found the second silo");
        await Eventually.TrueAsync(() => service.IsListening, "the listener reconnected after its back-off");
    }
}
