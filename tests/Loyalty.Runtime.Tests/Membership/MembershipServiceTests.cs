using Loyalty.Runtime.Core;
using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Runtime.Tests.Membership;

public sealed class MembershipServiceTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>
{
    [Fact]
    public async Task Start_NewSilo_JoinsThenIsActiveOnceTheHostStarted()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        StatusAtStartProbe? probe = null;

        var silo = await cluster.StartSiloAsync(s => s.AddHostedService(sp => probe = new StatusAtStartProbe(cluster, sp.GetRequiredService<ClusterMembership>())));

        Assert.Equal(SiloStatus.Joining, probe!.Seen);
        var row = await cluster.RowAsync(silo);
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal(cluster.Time.GetUtcNow().ToUnixTimeMilliseconds(), row.Generation);
        Assert.Null(row.DeclaredDeadAt);
        Assert.Equal(SiloStatus.Active, MembershipCluster.View(silo).Current.Find(row.SiloId)?.Status);
    }

    [Fact]
    public async Task Heartbeat_ClockAdvances_MovesHeartbeatAtAndStoresActivationCounts()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        var silo = await cluster.StartSiloAsync();
        var start = cluster.Time.GetUtcNow();
        await silo.GrainFactory.GetGrain<ICounterGrain>("hb-1").IncrementAsync();

        await cluster.StepAsync(MembershipCluster.HeartbeatPeriod);
        var first = await cluster.RowAsync(silo);
        await cluster.StepAsync(MembershipCluster.HeartbeatPeriod);
        var second = await cluster.RowAsync(silo);

        Assert.Equal(start + MembershipCluster.HeartbeatPeriod, first.HeartbeatAt);
        Assert.Equal(start + (2 * MembershipCluster.HeartbeatPeriod), second.HeartbeatAt);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(1, second.ActivationsByGrainType["counter"]);
    }

    [Fact]
    public async Task Start_SecondSilo_NotificationUpdatesTheFirstSilosViewWithoutARefreshPeriod()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        var first = await cluster.StartSiloAsync();
        await Eventually.TrueAsync(() => MembershipCluster.Service(first).IsListening, "the first silo listens");
        var versionBefore = MembershipCluster.View(first).Current.Version;

        // The clock does not move: no refresh period elapses, so only a notification can tell the first silo.
        var second = await cluster.StartSiloAsync();

        await Eventually.TrueAsync(
            () => MembershipCluster.View(first).Current.Find(MembershipCluster.Id(second))?.Status == SiloStatus.Active,
            "the first silo sees the second one active");
        Assert.True(MembershipCluster.View(first).Current.Version > versionBefore);
        Assert.Equal(2, MembershipCluster.View(second).Current.ActiveSilos.Count());
    }

    [Fact]
    public async Task WaitForChangeAsync_SiloJoins_CompletesWithTheNewView()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        var first = await cluster.StartSiloAsync();
        var membership = first.Services.GetRequiredService<IClusterMembership>();
        var known = membership.Current.Version;
        var change = membership.WaitForChangeAsync(known, CancellationToken.None);

        var second = await cluster.StartSiloAsync();
        var view = await change.WaitAsync(Eventually.DefaultTimeout);

        Assert.True(view.Version > known);
        Assert.NotNull(view.Find(MembershipCluster.Id(second)));
    }

    [Fact]
    public async Task StopAsync_Graceful_IsShuttingDownWhileDrainingThenDeadByItself()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        var silo = await cluster.StartSiloAsync();
        var gate = $"drain-{Guid.NewGuid():N}";
        var call = silo.GrainFactory.GetGrain<IGateGrain>(gate).WaitAsync(gate);
        await Eventually.TrueAsync(() => cluster.Probe.For(GrainId.Create("gate", gate)).Log.Count == 1, "the call runs");

        var stop = silo.StopAsync();
        await Eventually.TrueAsync(async () => (await cluster.RowAsync(silo)).Status == SiloStatus.ShuttingDown, "the silo is shutting down");
        Assert.False(stop.IsCompleted);
        cluster.Probe.Gate(gate).SetResult();
        await stop;

        Assert.Equal(gate, await call);
        var row = await cluster.RowAsync(silo);
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(row.SiloId, row.DeclaredDeadBy);
        Assert.Equal(cluster.Time.GetUtcNow(), row.DeclaredDeadAt);
    }

    [Fact]
    public async Task DeclaredDead_ByAnotherSilo_RefusesCallsAndStopsTheApplication()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        var silo = await cluster.StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("doomed");
        Assert.Equal(1, await grain.IncrementAsync());
        var lifetime = silo.Services.GetRequiredService<IHostApplicationLifetime>();

        var declared = await cluster.Table.DeclareDeadAsync(await cluster.RowAsync(silo), Guid.NewGuid(), cluster.Time.GetUtcNow(), CancellationToken.None);

        Assert.True(declared);
        await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "the silo asked the host to stop");
        var refused = await Assert.ThrowsAsync<SiloUnavailableException>(grain.IncrementAsync);
        Assert.Contains("declared dead", refused.Message, StringComparison.Ordinal);
        Assert.Equal(SiloStatus.Dead, MembershipCluster.View(silo).LocalStatus);
    }

    [Fact]
    public async Task Heartbeat_OwnRowGone_RefusesCallsAndStopsTheApplication()
    {
        await using var cluster = new MembershipCluster(database.ConnectionString);
        var silo = await cluster.StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("orphan");
        Assert.Equal(1, await grain.IncrementAsync());

        // A deleted row notifies, but only the heartbeat can tell the silo it is gone.
        await database.ExecuteAsync($"DELETE FROM silos WHERE silo_id = '{MembershipCluster.Id(silo)}'");
        await cluster.StepAsync(MembershipCluster.HeartbeatPeriod);

        Assert.True(silo.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await Assert.ThrowsAsync<SiloUnavailableException>(grain.IncrementAsync);
    }
}
