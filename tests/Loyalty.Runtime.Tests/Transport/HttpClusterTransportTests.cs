using Loyalty.Runtime.Placement;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;
using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Persistence;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Runtime.Transport;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Tests.Transport;

public sealed class HttpClusterTransportTests(TransportCluster cluster) : IClassFixture<TransportCluster>
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SendAsync_ToOtherSilo_ReturnsExactResultAndRunsThere()
    {
        var key = NewKey();
        var echo = new Echo("héllo \"wire\"", long.MaxValue, 12345.678901m, new DateTimeOffset(2025, 1, 2, 3, 4, 5, 6, TimeSpan.FromHours(2)), Guid.NewGuid(), null);

        var result = await Remote(key).EchoAsync(echo);

        Assert.Equal(echo with { Text = $"{key}: héllo \"wire\"" }, result);
        Assert.True(cluster.B.Runtime.Catalog.TryGet(Echo(key), out _));
        Assert.False(cluster.A.Runtime.Catalog.TryGet(Echo(key), out _));
    }

    [Fact]
    public async Task SendAsync_VoidMethod_RunsOnceAndCompletes()
    {
        var key = NewKey();

        await Remote(key).RecordAsync("recorded");

        Assert.Equal(["recorded"], cluster.Probe.For(Echo(key)).Log);
    }

    [Theory]
    [InlineData("argument", typeof(ArgumentException), "bad value (Parameter 'message')")]
    [InlineData("invalid", typeof(InvalidOperationException), "card is locked")]
    [InlineData("key", typeof(KeyNotFoundException), "no such card")]
    [InlineData("inconsistent", typeof(InconsistentStateException), "written by another activation")]
    [InlineData("cycle", typeof(CallCycleException), "a cycle")]
    public async Task SendAsync_GrainThrowsKnownException_RecreatesTypeAndMessage(string kind, Type expectedType, string expectedMessage)
    {
        var message = kind == "argument" ? "bad value" : expectedMessage;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Remote(NewKey()).FailAsync(kind, message));

        Assert.Equal(expectedType, error.GetType());
        Assert.Equal(expectedMessage, error.Message);
    }

    [Fact]
    public async Task SendAsync_GrainThrowsOtherException_FailsWithRemoteGrainExceptionNamingGrainMethodAndSilo()
    {
        var key = NewKey();

        var error = await Assert.ThrowsAsync<RemoteGrainException>(() => Remote(key).FailAsync("other", "not today"));

        Assert.Equal("System.NotSupportedException", error.RemoteType);
        Assert.Equal("not today", error.RemoteMessage);
        Assert.Equal($"echo/{key}.FailAsync failed on silo {cluster.B.ClusterAddress} with System.NotSupportedException: not today", error.Message);
    }

    [Fact]
    public async Task SendAsync_DeadlineAlreadyPassed_FailsWithTimeoutWithoutSending()
    {
        var key = NewKey();

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => Remote(key, deadline: DateTimeOffset.UtcNow.AddSeconds(-1)).RecordAsync("late"));

        Assert.StartsWith($"Call echo/{key}.RecordAsync to silo {cluster.B.ClusterAddress} did not complete by its deadline", error.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.Probe.For(Echo(key)).Log);
    }

    [Fact]
    public async Task SendAsync_DeadlinePassesWhileRunning_FailsWithTimeoutNamingGrainAndMethod()
    {
        var key = NewKey();

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => Remote(key, deadline: DateTimeOffset.UtcNow.AddMilliseconds(300)).HoldAsync($"{key}-gate"));

        Assert.Contains($"echo/{key}.HoldAsync", error.Message, StringComparison.Ordinal);
        cluster.Probe.Gate($"{key}-gate").SetResult();
    }

    [Fact]
    public async Task SendAsync_NobodyListens_FailsWithSiloUnavailableNamingTheAddress()
    {
        var address = $"127.0.0.1:{UnusedPort()}";

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => Remote(NewKey(), address).RecordAsync("nobody"));

        Assert.StartsWith($"Silo {address} could not be reached for echo/", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task SendAsync_RequestOverTheSizeLimit_FailsWithRemoteGrainExceptionAndRunsNothing()
    {
        var key = NewKey();
        var echo = new Echo(new string('x', TransportCluster.MaxRequestBodySize), 1, 1m, DateTimeOffset.UnixEpoch, Guid.Empty, null);

        var error = await Assert.ThrowsAsync<RemoteGrainException>(() => Remote(key).EchoAsync(echo));

        Assert.Equal(typeof(InvalidOperationException).FullName, error.RemoteType);
        Assert.Equal($"The request is larger than this silo's limit of {TransportCluster.MaxRequestBodySize} bytes (Loyalty:Cluster:MaxRequestBodySize).", error.RemoteMessage);
        Assert.False(cluster.B.Runtime.Catalog.TryGet(Echo(key), out _));
    }

    [Fact]
    public async Task SendAsync_ForeignChainLinkWithTheIdOfTheRunningCall_IsNoCycle()
    {
        var key = NewKey();
        var gate = $"{key}-gate";
        var (holding, runningId) = await HoldTurnOnBAsync(key, gate);

        // Another process's message with the same id as the call running here: not the same call, so it must queue.
        var foreign = new CallChain(GrainId.Create("echo", "elsewhere"), runningId, "HoldAsync", Guid.NewGuid(), null);
        var pending = cluster.B.Runtime.Calls.PendingCount;
        var queued = Remote(key, chain: foreign).RecordAsync("after");
        await Eventually.TrueAsync(() => cluster.B.Runtime.Calls.PendingCount == pending + 1 || queued.IsCompleted, "the call reached the grain");
        Assert.False(queued.IsCompleted);
        cluster.Probe.Gate(gate).SetResult();

        await queued;
        Assert.Equal(runningId, await holding);
        Assert.Equal([$"hold {runningId}", "after"], cluster.Probe.For(Echo(key)).Log);
    }

    [Fact]
    public async Task SendAsync_LocalChainLinkWithTheIdOfTheRunningCall_FailsAsCycle()
    {
        var key = NewKey();
        var gate = $"{key}-gate";
        var (holding, runningId) = await HoldTurnOnBAsync(key, gate);
        var local = new CallChain(Echo(key), runningId, "HoldAsync", CallChain.ProcessOrigin, null);

        var error = await Assert.ThrowsAsync<CallCycleException>(() => Remote(key, chain: local).RecordAsync("after"));

        Assert.StartsWith($"Call cycle: echo/{key}.HoldAsync → echo/{key}.RecordAsync cannot run", error.Message, StringComparison.Ordinal);
        cluster.Probe.Gate(gate).SetResult();
        await holding;
    }

    [Fact]
    public async Task StartedAsync_WebHostSilo_RecordsAdvertisedAddressInMembership()
    {
        var table = cluster.B.Services.GetRequiredService<PostgresMembershipTable>();

        var row = (await table.ReadAllAsync(CancellationToken.None)).Single(entry => entry.SiloId == cluster.B.SiloId);

        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal($"127.0.0.1:{new Uri($"http://{cluster.B.ClusterAddress}").Port}", row.Address);
        Assert.Equal(cluster.B.ClusterAddress, row.Address);
        Assert.NotEqual(cluster.A.ClusterAddress, cluster.B.ClusterAddress);
    }

    [Fact]
    public void Start_WebHostSilo_LogsTheGeneratedSecretAndNoServerWarnings()
    {
        Assert.Contains(cluster.Logs.Entries, e => e.Level == LogLevel.Information && e.Category == typeof(ClusterSecret).FullName
            && e.Message == "The cluster uses a secret generated for this process: silos and clients in other processes cannot call it until every process sets the same Loyalty:Cluster:Secret");
        Assert.DoesNotContain(cluster.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    /// <summary>Makes echo grain <paramref name="key"/> on silo B hold its turn; returns the call and its message id.</summary>
    private async Task<(Task<long> Holding, long RunningId)> HoldTurnOnBAsync(string key, string gate)
    {
        var holding = cluster.B.Runtime.GetGrain<IEchoGrain>(key).HoldAsync(gate);
        await Eventually.TrueAsync(() => !cluster.Probe.For(Echo(key)).Log.IsEmpty, "the grain holds its turn");
        return (holding, long.Parse(cluster.Probe.For(Echo(key)).Log.Single()["hold ".Length..], CultureInfo.InvariantCulture));
    }

    /// <summary>Echo grain <paramref name="key"/> as reached from silo A through its transport.</summary>
    private IEchoGrain Remote(string key, string? address = null, CallChain? chain = null, DateTimeOffset? deadline = null) =>
        new TransportInvoker(cluster.A.Transport, address ?? cluster.B.ClusterAddress, chain, deadline ?? DateTimeOffset.UtcNow + CallTimeout)
            .Get<IEchoGrain>(key);

    private static GrainId Echo(string key) => GrainId.Create("echo", key);

    /// <summary>A key of an echo grain that silo B owns (as B sees the ring), so a call sent to B runs on B.</summary>
    private string NewKey()
    {
        var placement = cluster.B.Services.GetRequiredService<GrainPlacement>();
        while (true)
        {
            var key = Guid.NewGuid().ToString("N");
            if (placement.Current.RouteOf(Echo(key)) is not { } route || route.SiloId == cluster.B.SiloId)
            {
                return key;
            }
        }
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
