using Loyalty.Runtime.Membership;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Runtime.Tests.Membership;

public sealed class PostgresMembershipTableTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _serviceId = $"t{Guid.NewGuid():N}"[..16];
    private NpgsqlDataSource _dataSource = null!;
    private PostgresMembershipTable _table = null!;

    public Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        _table = new PostgresMembershipTable(_dataSource, Options.Create(new MembershipOptions { ServiceId = _serviceId }));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task InsertAsync_RestartOfSameName_GetsAHigherGeneration()
    {
        var first = await _table.InsertAsync(Guid.NewGuid(), "silo-a", null, T0, T0, None);

        // The restarted process's clock is behind: the generation still grows.
        var second = await _table.InsertAsync(Guid.NewGuid(), "silo-a", null, T0 - TimeSpan.FromHours(1), T0, None);

        Assert.Equal(T0.ToUnixTimeMilliseconds(), first);
        Assert.Equal(first + 1, second);
    }

    [Fact]
    public async Task DeclareDeadAsync_ManySilosRace_ExactlyOneWinsAndIsRecorded()
    {
        var suspectId = await InsertActiveAsync("suspect");
        var suspect = (await _table.ReadStaleAsync(T0, None)).Single(s => s.SiloId == suspectId);
        var declarers = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();

        var outcomes = await Task.WhenAll(declarers.Select(d => Task.Run(() => _table.DeclareDeadAsync(suspect, d, T0 + TimeSpan.FromMinutes(1), None))));

        var winner = Assert.Single(declarers.Where((_, i) => outcomes[i]));
        var row = await ReadAsync(suspectId);
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(winner, row.DeclaredDeadBy);
        Assert.Equal(suspect.Version + 1, row.Version);
    }

    [Fact]
    public async Task DeclareDeadAsync_SuspectHeartbeatedSinceRead_LeavesItAlive()
    {
        var suspectId = await InsertActiveAsync("suspect");
        var suspect = (await _table.ReadStaleAsync(T0, None)).Single(s => s.SiloId == suspectId);
        Assert.True(await _table.HeartbeatAsync(suspectId, T0 + TimeSpan.FromSeconds(2), new Dictionary<string, int>(), None));

        Assert.False(await _table.DeclareDeadAsync(suspect, Guid.NewGuid(), T0 + TimeSpan.FromMinutes(1), None));
        Assert.Equal(SiloStatus.Active, (await ReadAsync(suspectId)).Status);
    }

    [Fact]
    public async Task DeadRow_EveryUpdate_LeavesItDead()
    {
        var id = await InsertActiveAsync("leaver");
        Assert.True(await _table.LeaveAsync(id, T0, None));
        var dead = await ReadAsync(id);
        var all = new[] { SiloStatus.Joining, SiloStatus.Active, SiloStatus.ShuttingDown, SiloStatus.Dead };

        Assert.False(await _table.HeartbeatAsync(id, T0 + TimeSpan.FromSeconds(1), new Dictionary<string, int>(), None));
        Assert.False(await _table.SetStatusAsync(id, SiloStatus.Active, all, T0, None));
        Assert.False(await _table.LeaveAsync(id, T0, None));
        Assert.False(await _table.DeclareDeadAsync(dead, Guid.NewGuid(), T0, None));

        // Whoever writes the SQL: the trigger refuses to revive it.
        await using var revive = _dataSource.CreateCommand("UPDATE silos SET status = 'active', declared_dead_at = NULL, declared_dead_by = NULL WHERE silo_id = $1");
        revive.Parameters.Add(new NpgsqlParameter { Value = id });
        var error = await Assert.ThrowsAsync<PostgresException>(() => revive.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal(dead, await ReadAsync(id), new EntryComparer());
    }

    [Fact]
    public async Task DeleteDeadAsync_DeletesOnlyDeadRowsOlderThanTheCutoff()
    {
        var old = await InsertActiveAsync("old");
        var recent = await InsertActiveAsync("recent");
        var alive = await InsertActiveAsync("alive");
        await _table.LeaveAsync(old, T0, None);
        await _table.LeaveAsync(recent, T0 + TimeSpan.FromHours(1), None);

        Assert.Equal(1, await _table.DeleteDeadAsync(T0 + TimeSpan.FromMinutes(30), None));

        var ids = (await _table.ReadAllAsync(None)).Select(s => s.SiloId).ToHashSet();
        Assert.Equal(new HashSet<Guid> { recent, alive }, ids);
    }

    private async Task<Guid> InsertActiveAsync(string name)
    {
        var id = Guid.NewGuid();
        await _table.InsertAsync(id, name, null, T0, T0, None);
        Assert.True(await _table.SetStatusAsync(id, SiloStatus.Active, [SiloStatus.Joining], T0, None));
        return id;
    }

    private async Task<SiloEntry> ReadAsync(Guid id) => (await _table.ReadAllAsync(None)).Single(s => s.SiloId == id);

    private sealed class EntryComparer : IEqualityComparer<SiloEntry>
    {
        public bool Equals(SiloEntry? x, SiloEntry? y) =>
            x is not null && y is not null && (x with { ActivationsByGrainType = y.ActivationsByGrainType }) == y;

        public int GetHashCode(SiloEntry obj) => obj.SiloId.GetHashCode();
    }
}
