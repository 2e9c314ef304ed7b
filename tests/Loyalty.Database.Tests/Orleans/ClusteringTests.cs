using Loyalty.Database.Tests.Fixtures;
using Loyalty.Database.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Messaging;

namespace Loyalty.Database.Tests.Orleans;

/// <summary>Real silos and clients over TCP on loopback, with membership in the database.</summary>
public sealed class ClusteringTests : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;

    private readonly List<IHost> _hosts = [];
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync("clustering");

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [Fact]
    public async Task UseLoyaltyDatabaseClustering_SiloStarted_IsActiveInTheMembershipTable()
    {
        var clusterId = OrleansHosts.NewClusterId();

        var silo = await StartAsync(OrleansHosts.BuildSilo(_connectionString, clusterId));

        var details = silo.Services.GetRequiredService<ILocalSiloDetails>();
        Assert.Equal(
            [$"127.0.0.1 {details.SiloAddress.Endpoint.Port} {details.SiloAddress.Generation} {details.GatewayAddress!.Endpoint.Port} {Active} {details.Name}"],
            await MembersAsync(clusterId));
    }

    [Fact]
    public async Task StopAsync_SiloStoppedGracefully_IsDeadInTheMembershipTable()
    {
        var clusterId = OrleansHosts.NewClusterId();
        var silo = await StartAsync(OrleansHosts.BuildSilo(_connectionString, clusterId));
        var details = silo.Services.GetRequiredService<ILocalSiloDetails>();

        await silo.StopAsync();

        Assert.Equal(
            [$"127.0.0.1 {details.SiloAddress.Endpoint.Port} {details.SiloAddress.Generation} {details.GatewayAddress!.Endpoint.Port} {Dead} {details.Name}"],
            await MembersAsync(clusterId));
    }

    [Fact]
    public async Task UseLoyaltyDatabaseClustering_Client_FindsTheSilosGatewayInTheDatabase()
    {
        var clusterId = OrleansHosts.NewClusterId();
        var silo = await StartAsync(OrleansHosts.BuildSilo(_connectionString, clusterId));

        var client = await StartAsync(OrleansHosts.BuildClient(_connectionString, clusterId));

        // The gateway list carries the silo's generation, which the silo's own GatewayAddress leaves at 0.
        var details = silo.Services.GetRequiredService<ILocalSiloDetails>();
        var gateways = await client.Services.GetRequiredService<IGatewayListProvider>().GetGateways();
        Assert.Equal([SiloAddress.New(details.GatewayAddress!.Endpoint, details.SiloAddress.Generation).ToGatewayUri()], gateways);
        var echo = client.Services.GetRequiredService<IClusterClient>().GetGrain<IEchoGrain>(Guid.NewGuid().ToString());
        Assert.Equal("through the gateway", await echo.EchoAsync("through the gateway"));
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_OneOfTwoSilosStopped_RemovesOnlyTheDeadSilosRow()
    {
        var clusterId = OrleansHosts.NewClusterId();
        var survivor = await StartAsync(OrleansHosts.BuildSilo(_connectionString, clusterId));
        var stopped = await StartAsync(OrleansHosts.BuildSilo(_connectionString, clusterId));
        await stopped.StopAsync();
        Assert.Equal([Active, Dead], (await MembersAsync(clusterId, "Status::text")).Select(int.Parse).Order());

        await survivor.Services.GetRequiredService<IMembershipTable>().CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        var details = survivor.Services.GetRequiredService<ILocalSiloDetails>();
        Assert.Equal([$"{details.SiloAddress.Endpoint.Port} {Active}"], await MembersAsync(clusterId, "Port || ' ' || Status"));
    }

    private async Task<IHost> StartAsync(IHost host)
    {
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    private Task<List<string>> MembersAsync(
        string clusterId,
        string columns = "Address || ' ' || Port || ' ' || Generation || ' ' || ProxyPort || ' ' || Status || ' ' || SiloName") =>
        Sql.QueryAsync(
            _connectionString,
            $"SELECT {columns} FROM OrleansMembershipTable WHERE DeploymentId = $1 ORDER BY StartTime",
            r => r.GetString(0),
            clusterId);
}
