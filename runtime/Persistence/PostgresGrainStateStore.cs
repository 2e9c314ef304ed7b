using Loyalty.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Runtime.Persistence;

/// <summary>
/// Grain states in the PostgreSQL table <c>grain_state</c>, with group commit: writes that arrive while
/// commits are in flight wait in a queue, and each of up to <see cref="PersistenceOptions.MaxConcurrentCommits"/>
/// committers takes everything queued (up to <see cref="PersistenceOptions.MaxBatchSize"/>) and commits it in
/// one round trip. Each write stays conditional on its own version and its caller learns its own outcome.
/// </summary>
/// <remarks>
/// A write's cancellation token only withdraws it while it is still queued; once a committer has taken it,
/// it may already be in the database, so the call completes with its real outcome. Dispose (or
/// <see cref="FlushAsync"/>) on graceful shutdown so queued writes commit before the process exits.
/// </remarks>
public sealed class PostgresGrainStateStore : IGrainStateStore, IAsyncDisposable
{
    private const string ReadSql =
        "SELECT payload, version FROM grain_state " +
        "WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PersistenceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly StateWriteCommitter _committer;
    private readonly Lock _lock = new();
    private readonly Queue<PendingWrite> _queue = new();
    private readonly List<List<PendingWrite>> _inFlight = [];
    private int _runningCommitters;
    private bool _disposed;

    public PostgresGrainStateStore(
        NpgsqlDataSource dataSource,
        IOptions<PersistenceOptions> options,
        TimeProvider timeProvider,
        RuntimeMetrics metrics,
        ILogger<PostgresGrainStateStore> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        PersistenceOptionsValidator.ThrowIfInvalid(options.Value);
        _dataSource = dataSource;
        _options = options.Value;
        _timeProvider = timeProvider;
        _committer = new StateWriteCommitter(dataSource, _options.ServiceId, timeProvider, metrics, logger);
    }

    /// <summary>Test hook: awaited by a committer before it takes a batch, so a test can fill the queue first.</summary>
    internal Func<Task>? BeforeTakingBatch { get; set; }

    public async Task<StoredState> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default)
    {
        if (key.Table is { SnapshotTable: not null } table)
        {
            return await ReadChangesAsync(key, table, cancellationToken).ConfigureAwait(false);
        }

        await using var command = _dataSource.CreateCommand(key.Table is { } own
            ? $"SELECT \"payload\", \"version\" FROM \"{own.Table}\" WHERE \"{own.KeyColumn}\" = $1"
            : ReadSql);
        if (key.Table is null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.ServiceId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.GrainId.Type });
        }

        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.GrainId.Key });
        if (key.Table is null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.StateName });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return StoredState.Missing;
        }

        var payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
        return new StoredState(payload, reader.GetInt64(1));
    }

    // The row holds the newest change first (see StateWriteCommands).
    private static string OldestFirst(string changes)
    {
        var lines = changes.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Array.Reverse(lines);
        return string.Join('\n', lines);
    }

    /// <summary>The snapshot with the changes written since applied; each write since the snapshot added one change.</summary>
    private async Task<StoredState> ReadChangesAsync(GrainStateKey key, StateTable table, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT t.\"version\", t.\"changes\", s.\"version\", s.\"payload\" FROM \"{table.Table}\" t " +
            $"LEFT JOIN \"{table.SnapshotTable}\" s ON s.\"{table.KeyColumn}\" = t.\"{table.KeyColumn}\" WHERE t.\"{table.KeyColumn}\" = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.GrainId.Key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return StoredState.Missing;
        }

        var version = reader.GetInt64(0);
        var changes = reader.IsDBNull(1) ? null : reader.GetString(1);
        var snapshotVersion = reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2);
        var snapshot = reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3);
        var count = StateChanges.Count(changes);
        if (snapshotVersion is null || snapshotVersion + count != version)
        {
            throw new InvalidOperationException(
                $"State {key} is at version {version} in {table.Table}, but its snapshot in {table.SnapshotTable} is at " +
                $"{(snapshotVersion is { } at ? at : "no version")} with {count} changes since: the stored state is incomplete.");
        }

        if (snapshot is null)
        {
            return new StoredState(null, version);
        }

        return new StoredState(changes is null ? snapshot : StateChanges.Apply(snapshot, OldestFirst(changes)), version)
        {
            ChangeBytes = changes is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(changes),
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// Fails with <see cref="InconsistentStateException"/> on a version conflict and with
    /// <see cref="GrainStateWriteException"/> when a row broke a constraint or the database failed.
    /// </remarks>
    public Task<long> WriteAsync(StateWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<long>(cancellationToken);
        }

        // A state table's row carries its grain's other columns (often NOT NULL): a state never written has no row to
        // keep for its version, and clearing it leaves nothing stored, as before.
        if (write.Key.Table is not null && write.Payload is null && write.ExpectedVersion == 0)
        {
            return Task.FromResult(0L);
        }

        var pending = new PendingWrite(write, _timeProvider.GetTimestamp());
        pending.RegisterCancellation(cancellationToken);
        var startCommitter = false;
        lock (_lock)
        {
            if (_disposed)
            {
                pending.Fail(new ObjectDisposedException(nameof(PostgresGrainStateStore), "The grain-state store is shut down."));
                return pending.Task;
            }

            _queue.Enqueue(pending);
            if (_runningCommitters < _options.MaxConcurrentCommits)
            {
                _runningCommitters++;
                startCommitter = true;
            }
        }

        if (startCommitter)
        {
            // Off the caller's thread and scheduler: the committer serves every grain, not this one.
            _ = Task.Run(CommitLoopAsync, CancellationToken.None);
        }

        return pending.Task;
    }

    /// <summary>Completes when every write queued or in flight at the time of the call has its outcome.</summary>
    public async Task FlushAsync()
    {
        var outstanding = new List<Task>();
        lock (_lock)
        {
            foreach (var pending in _queue)
            {
                outstanding.Add(pending.Task);
            }

            foreach (var batch in _inFlight)
            {
                foreach (var pending in batch)
                {
                    outstanding.Add(pending.Task);
                }
            }
        }

        // Callers observe their own failures; a flush only waits for them.
        await Task.WhenAll(outstanding).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Refuses new writes, then waits for the queued ones to commit.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        await FlushAsync().ConfigureAwait(false);
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<PendingWrite>(Math.Min(_options.MaxBatchSize, 64));
        NpgsqlConnection? connection = null;
        try
        {
            while (true)
            {
                if (BeforeTakingBatch is { } gate)
                {
                    await gate().ConfigureAwait(false);
                }

                lock (_lock)
                {
                    while (batch.Count < _options.MaxBatchSize && _queue.TryDequeue(out var pending))
                    {
                        if (pending.TryTake())
                        {
                            batch.Add(pending);
                        }
                    }

                    if (batch.Count == 0)
                    {
                        _runningCommitters--;
                        return;
                    }

                    _inFlight.Add(batch);
                }

                connection = await _committer.CommitAsync(batch, connection).ConfigureAwait(false);
                lock (_lock)
                {
                    _inFlight.Remove(batch);
                }

                batch.Clear();
            }
        }
        finally
        {
            // Back to the pool once the queue is empty: an idle committer holds no connection.
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
