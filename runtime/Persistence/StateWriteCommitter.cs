using Loyalty.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Loyalty.Runtime.Persistence;

/// <summary>
/// Commits one batch of state writes in one round trip and tells each caller its own outcome.
/// The batch carries no explicit transaction: Npgsql sends all its statements before a single Sync,
/// so PostgreSQL runs them as one implicit transaction, all or nothing.
/// </summary>
internal sealed class StateWriteCommitter
{
    /// <summary>
    /// First in every batch. Npgsql prepares the statements it sees again and again, and PostgreSQL then chooses, per
    /// execution, between a plan made for the values at hand and the statement's generic plan. For a merged statement's
    /// arrays the generic plan assumes ten elements, so a batch of fewer writes can look cheaper with a plan of its own:
    /// with batches of four card writes, every batch was planned anew, which took the server longer than running it.
    /// The generic plan is the same lookups by key whatever the arrays hold. Local to the batch's transaction, so the
    /// connection's other users keep the server's setting.
    /// </summary>
    private const string GenericPlans = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly TimeProvider _timeProvider;
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _logger;

    public StateWriteCommitter(NpgsqlDataSource dataSource, string serviceId, TimeProvider timeProvider, RuntimeMetrics metrics, ILogger logger)
    {
        _dataSource = dataSource;
        _serviceId = serviceId;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>
    /// Completes every write of <paramref name="batch"/>; never throws. Sends it on <paramref name="connection"/> (or a
    /// newly opened one) and returns the connection for the committer's next batch, or null after any failure: a
    /// committer keeps its connection while writes keep coming, so a busy store does not hand it back to the pool (and
    /// have it reset) once per batch.
    /// </summary>
    public async Task<NpgsqlConnection?> CommitAsync(List<PendingWrite> batch, NpgsqlConnection? connection)
    {
        var clean = false;
        try
        {
            // Nothing here observes a caller's token: a write handed to the database must report its real outcome.
            connection ??= await _dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await ExecuteAsync(connection, batch, 0, batch.Count).ConfigureAwait(false);
                Complete(batch, 0, batch.Count);
                clean = true;
            }
            catch (Exception exception) when (batch.Count > 1 && IsWriteSpecific(exception))
            {
                _logger.LogError(exception, "A batch of {BatchSize} state writes failed as a whole ({Error}); retrying each write alone", batch.Count, Describe(exception));
                await RetryEachAsync(connection, batch).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "A batch of {BatchSize} state writes failed; each write fails and its activation must reload", batch.Count);
            FailUnfinished(batch, 0, exception);
        }

        if (clean || connection is null)
        {
            return connection;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    // The failed batch rolled back entirely, so every write is still to do: alone, only the faulty one fails.
    private async Task RetryEachAsync(NpgsqlConnection connection, List<PendingWrite> batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                await ExecuteAsync(connection, batch, i, 1).ConfigureAwait(false);
                Complete(batch, i, 1);
            }
            catch (Exception exception) when (IsWriteSpecific(exception))
            {
                var write = batch[i].Write;
                _logger.LogError(exception, "State write of {StateKey} expecting version {ExpectedVersion} failed ({Error})", write.Key, write.ExpectedVersion, Describe(exception));
                Finish(batch[i], "failed", new GrainStateWriteException(write.Key, write.ExpectedVersion, exception));
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "Retrying state writes one by one failed; the {Remaining} writes left fail", batch.Count - i);
                FailUnfinished(batch, i, exception);
                return;
            }
        }
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, List<PendingWrite> batch, int start, int count)
    {
        _metrics.RecordStorageBatch(count);
        var modifiedAt = _timeProvider.GetUtcNow();
        var statements = StateWriteStatements.Plan(batch, start, count, _serviceId, modifiedAt);
        await using var npgsqlBatch = connection.CreateBatch();
        npgsqlBatch.BatchCommands.Add(new NpgsqlBatchCommand(GenericPlans));
        foreach (var statement in statements)
        {
            npgsqlBatch.BatchCommands.Add(statement.Command);
        }

        await using (var reader = await npgsqlBatch.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // The reader starts on the plan setting's result; each statement's follows.
            for (var s = 0; s < statements.Count; s++)
            {
                if (!await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    throw new InvalidOperationException("A state write statement returned no result set.");
                }

                var writes = statements[s].Writes;
                foreach (var index in writes)
                {
                    batch[index].NewVersion = 0;
                    batch[index].StoredVersion = null;
                }

                // One write's statement: (version, written). A merged one: (ordinal from 1, version, written) per write.
                var merged = statements[s].Merged;
                while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    var pending = merged ? batch[writes[reader.GetInt64(0) - 1]] : batch[writes[0]];
                    var column = merged ? 1 : 0;
                    if (reader.GetBoolean(column + 1))
                    {
                        pending.NewVersion = reader.GetInt64(column);
                    }
                    else
                    {
                        pending.StoredVersion = reader.GetInt64(column);
                    }
                }
            }

            // Draining to the end surfaces an error raised at commit before any caller is told it succeeded.
            while (await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false))
            {
            }
        }
    }

    private void Complete(List<PendingWrite> batch, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            var pending = batch[i];
            if (pending.NewVersion > 0)
            {
                Finish(pending, "committed", null);
                continue;
            }

            var write = pending.Write;
            _metrics.RecordStorageConflict();
            _logger.LogWarning(
                "Version conflict on {GrainId} state {StateName}: expected version {ExpectedVersion}, stored version {StoredVersion}",
                write.Key.GrainId, write.Key.StateName, write.ExpectedVersion, pending.StoredVersion);
            Finish(pending, "conflict", new InconsistentStateException(write.Key, write.ExpectedVersion));
        }
    }

    private void FailUnfinished(List<PendingWrite> batch, int start, Exception exception)
    {
        for (var i = start; i < batch.Count; i++)
        {
            if (batch[i].Task.IsCompleted)
            {
                continue;
            }

            var write = batch[i].Write;
            Finish(batch[i], "failed", new GrainStateWriteException(write.Key, write.ExpectedVersion, exception));
        }
    }

    private void Finish(PendingWrite pending, string outcome, Exception? exception)
    {
        _metrics.RecordStorageWrite(_timeProvider.GetElapsedTime(pending.QueuedAt), outcome);
        if (exception is null)
        {
            pending.Succeed(pending.NewVersion);
        }
        else
        {
            pending.Fail(exception);
        }
    }

    // Errors of one statement (constraint, deadlock, serialization) leave the connection usable and are worth
    // retrying write by write; connection, shutdown and resource errors would only fail every retry again.
    /// <summary>
    /// An error caused by one write rather than by the connection: a statement error, or a value the client could not
    /// send (an unsupported type, too many parameters). Retrying the batch's writes one by one isolates it.
    /// </summary>
    private static bool IsWriteSpecific(Exception exception) => exception switch
    {
        PostgresException postgres => IsStatementError(postgres),
        InvalidCastException or NotSupportedException or ArgumentException or OverflowException => true,
        _ => false,
    };

    private static string Describe(Exception exception) =>
        exception is PostgresException postgres ? postgres.SqlState : exception.GetType().Name;

    private static bool IsStatementError(PostgresException exception) =>
        exception.InvariantSeverity is not ("FATAL" or "PANIC")
        && !exception.SqlState.StartsWith("08", StringComparison.Ordinal)
        && !exception.SqlState.StartsWith("53", StringComparison.Ordinal)
        && !exception.SqlState.StartsWith("57", StringComparison.Ordinal);
}
