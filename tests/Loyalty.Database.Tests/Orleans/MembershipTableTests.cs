using System.Net;
using Loyalty.Database.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Database.Tests.Orleans;

/// <summary>
/// Orleans' AdoNetClusteringTable against our membership queries, called directly so that conflicts can be staged:
/// the silo host is built but not started (only its database is), so no membership agent writes alongside.
/// </summary>
public sealed class MembershipTableTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly string _clusterId = OrleansHosts.NewClusterId();
    private string _connectionString = string.Empty;
    private IHost? _host;
    private IMembershipTable? _table;

    private IMembershipTable Table => _table ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("membership");
        _host = OrleansHosts.BuildSilo(_connectionString, _clusterId);
        await _host.Services.GetRequiredService<LoyaltyDatabase>().StartAsync(CancellationToken.None);
        _table = _host.Services.GetRequiredService<IMembershipTable>();
        await _table.InitializeMembershipTableAsync(tryInitTableVersion: true);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.Services.GetRequiredService<LoyaltyDatabase>().StopAsync(CancellationToken.None);
            _host.Dispose();
        }
    }

    [Fact]
    public async Task InsertRow_CurrentVersion_AddsTheSiloAndMovesTheVersionOn()
    {
        var empty = await Table.ReadAllAsync();

        Assert.True(await Table.InsertRowAsync(Entry(1), empty.Version.Next()));

        var table = await Table.ReadAllAsync();
        Assert.Equal((0, "0", 1, "1"), (empty.Version.Version, empty.Version.VersionEtag, table.Version.Version, table.Version.VersionEtag));
        var (stored, etag) = Assert.Single(table.Members);
        Assert.Equal("1", etag);
        Assert.Equal(
            (Entry(1).SiloAddress, "silo-1", "host-1", SiloStatus.Joining, 30001, Start, Start),
            (stored.SiloAddress, stored.SiloName, stored.HostName, stored.Status, stored.ProxyPort, stored.StartTime, stored.IAmAliveTime));
    }

    [Fact]
    public async Task InsertRow_StaleVersion_ReturnsFalseAndChangesNothing()
    {
        var stale = await Table.ReadAllAsync();
        Assert.True(await Table.InsertRowAsync(Entry(1), stale.Version.Next()));

        Assert.False(await Table.InsertRowAsync(Entry(2), stale.Version.Next()));

        var table = await Table.ReadAllAsync();
        Assert.Equal((1, 1), (table.Version.Version, table.Members.Count));
    }

    [Fact]
    public async Task InsertRow_SiloAlreadyPresent_ReturnsFalseAndKeepsTheVersion()
    {
        Assert.True(await Table.InsertRowAsync(Entry(1), (await Table.ReadAllAsync()).Version.Next()));

        Assert.False(await Table.InsertRowAsync(Entry(1), (await Table.ReadAllAsync()).Version.Next()));

        Assert.Equal(1, (await Table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task UpdateRow_StaleETag_ReturnsFalse_CurrentETag_Updates()
    {
        Assert.True(await Table.InsertRowAsync(Entry(1), (await Table.ReadAllAsync()).Version.Next()));
        var stale = await Table.ReadAllAsync();
        Assert.True(await Table.InsertRowAsync(Entry(2), stale.Version.Next()));
        var active = Entry(1);
        active.Status = SiloStatus.Active;

        Assert.False(await Table.UpdateRowAsync(active, stale.Members[0].Item2, stale.Version.Next()));
        var current = await Table.ReadAllAsync();
        Assert.True(await Table.UpdateRowAsync(active, current.Members[0].Item2, current.Version.Next()));

        var table = await Table.ReadAllAsync();
        Assert.Equal(3, table.Version.Version);
        Assert.Equal(
            [(Entry(1).SiloAddress, SiloStatus.Active), (Entry(2).SiloAddress, SiloStatus.Joining)],
            table.Members.Select(m => (m.Item1.SiloAddress, m.Item1.Status)).OrderBy(m => m.SiloAddress.Endpoint.Port));
    }

    [Fact]
    public async Task UpdateIAmAlive_OlderTime_NeverMovesTheHeartbeatBack()
    {
        Assert.True(await Table.InsertRowAsync(Entry(1), (await Table.ReadAllAsync()).Version.Next()));
        var later = Entry(1);
        later.IAmAliveTime = Start.AddMinutes(5);
        await Table.UpdateIAmAliveAsync(later);

        var earlier = Entry(1);
        earlier.IAmAliveTime = Start.AddMinutes(1);
        await Table.UpdateIAmAliveAsync(earlier);

        var (stored, _) = Assert.Single((await Table.ReadRowAsync(later.SiloAddress)).Members);
        Assert.Equal(Start.AddMinutes(5), stored.IAmAliveTime);
        Assert.Equal(1, (await Table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_Cluster_RemovesItsSilosAndItsVersion()
    {
        Assert.True(await Table.InsertRowAsync(Entry(1), (await Table.ReadAllAsync()).Version.Next()));

        await Table.DeleteMembershipTableEntriesAsync(_clusterId);

        Assert.Equal(
            ["0 0"],
            await Sql.QueryAsync(
                _connectionString,
                "SELECT (SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = $1) || ' ' || " +
                "(SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = $1)",
                r => r.GetString(0),
                _clusterId));
    }

    private static MembershipEntry Entry(int silo) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11110 + silo), 100 + silo),
        SiloName = $"silo-{silo}",
        HostName = $"host-{silo}",
        Status = SiloStatus.Joining,
        ProxyPort = 30000 + silo,
        StartTime = Start,
        IAmAliveTime = Start,
    };
}
