using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Runtime.Membership;

/// <summary>
/// The <c>silos</c> table (migration 0003) of one service id. Every update carries <c>status &lt;&gt; 'dead'</c>
/// (a trigger rejects any update of a dead row as well), and every membership change notifies
/// <c>loyalty_membership</c> in its own transaction through the table's trigger. Times come from the caller's clock.
/// </summary>
internal sealed class PostgresMembershipTable
{
    private const string Columns =
        "silo_id, name, address, generation, status, started_at, heartbeat_at, declared_dead_at, declared_dead_by, version, activations::text";

    // The generation grows across restarts of one name even when the clock went backwards.
    private const string InsertSql = """
        INSERT INTO silos (service_id, silo_id, name, address, generation, status, started_at, heartbeat_at, version)
        SELECT @service, @silo, @name, @address, greatest(@generation, coalesce(max(generation) + 1, 1)), 'joining', @started, @now, 1
        FROM silos WHERE service_id = @service AND name = @name
        RETURNING generation
        """;

    private const string SetStatusSql = """
        UPDATE silos SET status = @status, address = coalesce(@address, address), heartbeat_at = @now, version = version + 1
        WHERE service_id = @service AND silo_id = @silo AND status <> 'dead' AND status = ANY(@from)
        """;

    private const string HeartbeatSql = """
        UPDATE silos SET heartbeat_at = @now, activations = @activations
        WHERE service_id = @service AND silo_id = @silo AND status <> 'dead'
        """;

    private const string LeaveSql = """
        UPDATE silos SET status = 'dead', declared_dead_at = @now, declared_dead_by = @silo, version = version + 1
        WHERE service_id = @service AND silo_id = @silo AND status <> 'dead'
        """;

    // Conditional on what the declarer saw: a suspect that heartbeated or changed status since is left alone,
    // and of several silos racing to declare the same death exactly one updates the row.
    private const string DeclareDeadSql = """
        UPDATE silos SET status = 'dead', declared_dead_at = @now, declared_dead_by = @by, version = version + 1
        WHERE service_id = @service AND silo_id = @silo AND status <> 'dead'
          AND version = @version AND heartbeat_at = @heartbeat
        """;

    private const string ReadAllSql = "SELECT " + Columns + " FROM silos WHERE service_id = @service ORDER BY started_at, silo_id";

    private const string ReadStaleSql = "SELECT " + Columns + """
         FROM silos WHERE service_id = @service AND status <> 'dead' AND heartbeat_at <= @cutoff
        """;

    private const string DeleteDeadSql = "DELETE FROM silos WHERE service_id = @service AND status = 'dead' AND declared_dead_at < @cutoff";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;

    public PostgresMembershipTable(NpgsqlDataSource dataSource, IOptions<MembershipOptions> options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _serviceId = options.Value.ServiceId;
    }

    /// <summary>Adds a silo as joining; returns its generation.</summary>
    public async Task<long> InsertAsync(Guid siloId, string name, string? address, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(InsertSql, siloId, now);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.Add(new NpgsqlParameter<string?>("address", NpgsqlDbType.Text) { TypedValue = address });
        command.Parameters.AddWithValue("generation", startedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("started", startedAt.ToUniversalTime());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Moves a live silo whose status is one of <paramref name="from"/> to <paramref name="status"/>, recording its
    /// <paramref name="address"/> when given; false when it was not live in one of those statuses.
    /// </summary>
    public async Task<bool> SetStatusAsync(
        Guid siloId,
        SiloStatus status,
        IReadOnlyCollection<SiloStatus> from,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        string? address = null)
    {
        if (status == SiloStatus.Dead)
        {
            throw new ArgumentException("Use LeaveAsync or DeclareDeadAsync to make a silo dead.", nameof(status));
        }

        await using var command = CreateCommand(SetStatusSql, siloId, now);
        command.Parameters.AddWithValue("status", SiloStatusNames.ToColumn(status));
        command.Parameters.AddWithValue("from", from.Select(SiloStatusNames.ToColumn).ToArray());
        command.Parameters.Add(new NpgsqlParameter<string?>("address", NpgsqlDbType.Text) { TypedValue = address });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Writes a heartbeat with the activation counts; false when the silo is dead (or its row is gone).</summary>
    public async Task<bool> HeartbeatAsync(Guid siloId, DateTimeOffset now, IReadOnlyDictionary<string, int> activations, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(HeartbeatSql, siloId, now);
        command.Parameters.AddWithValue("activations", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(activations));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Graceful leave: the silo declares itself dead. False when it already was.</summary>
    public async Task<bool> LeaveAsync(Guid siloId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(LeaveSql, siloId, now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Declares <paramref name="suspect"/> dead on behalf of <paramref name="declaredBy"/>, if its row still has the
    /// version and heartbeat the declarer read. True for the one declarer whose update won.
    /// </summary>
    public async Task<bool> DeclareDeadAsync(SiloEntry suspect, Guid declaredBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suspect);
        await using var command = CreateCommand(DeclareDeadSql, suspect.SiloId, now);
        command.Parameters.AddWithValue("by", declaredBy);
        command.Parameters.AddWithValue("version", suspect.Version);
        command.Parameters.AddWithValue("heartbeat", suspect.HeartbeatAt.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Every row of the service, dead ones included, oldest first.</summary>
    public async Task<IReadOnlyList<SiloEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReadAllSql);
        command.Parameters.AddWithValue("service", _serviceId);
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <summary>Live silos whose last heartbeat is at or before <paramref name="cutoff"/>.</summary>
    public async Task<IReadOnlyList<SiloEntry>> ReadStaleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReadStaleSql);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <summary>Deletes the rows of silos dead since before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> DeleteDeadAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(DeleteDeadSql);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand CreateCommand(string sql, Guid siloId, DateTimeOffset now)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("silo", siloId);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return command;
    }

    private static async Task<IReadOnlyList<SiloEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<SiloEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new SiloEntry(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3),
                SiloStatusNames.FromColumn(reader.GetString(4)),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetGuid(8),
                reader.GetInt64(9),
                JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(10)) ?? []));
        }

        return entries;
    }
}
