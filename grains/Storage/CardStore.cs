using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Grains.Storage;

/// <summary>
/// Cards in PostgreSQL, with group commit: each card's row in <c>cards</c> holds its state (<c>jsonb</c>), its
/// read-model columns, a <c>version</c> and <c>modified_at</c>. Writes that arrive while a batch is in flight wait, and
/// the next batch takes everything queued (up to <see cref="CardStoreOptions.MaxBatchSize"/>) and commits it in one round
/// trip and one transaction: one statement for the cards and each shape of their rows, each write still conditional on
/// its own version, and each caller told its own outcome (ADR 0003, ADR 0014).
/// </summary>
/// <remarks>
/// <para>A write that fails for a reason of its own (a version conflict, an idempotency key in use, a row breaking a
/// constraint) fails alone; the other writes of its batch commit.</para>
/// <para>A card grain sends one write per card at a time and coalesces the operations that arrive meanwhile into the
/// next one: this store batches across cards, not within one.</para>
/// <para>Dispose on shutdown: it refuses new writes and waits until the queued ones have their outcome.</para>
/// </remarks>
public sealed class CardStore : IAsyncDisposable
{
    private const string ReadSql = "SELECT state, version FROM cards WHERE card_number = $1";

    private static readonly HashSet<string> OwnColumns = new(["card_number", "state", "version", "modified_at"], StringComparer.Ordinal);

    private readonly Func<NpgsqlDataSource> _dataSource;
    private readonly CardStoreOptions _options;
    private readonly CardBatchCommitter _committer;
    private readonly Lock _lock = new();
    private readonly Queue<PendingCardWrite> _queue = new();
    private readonly List<List<PendingCardWrite>> _inFlight = [];
    private int _runningCommitters;
    private bool _disposed;

    /// <param name="dataSource">
    /// The database, asked for on each use: the store is built before the database has started (for example
    /// <c>() =&gt; database.DataSource</c>).
    /// </param>
    /// <param name="options">Batch size and concurrency.</param>
    /// <param name="timeProvider">Gives <c>modified_at</c>.</param>
    /// <param name="logger">Conflicts, failed writes and failed batches.</param>
    public CardStore(Func<NpgsqlDataSource> dataSource, IOptions<CardStoreOptions> options, TimeProvider timeProvider, ILogger<CardStore> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        CardStoreOptionsValidator.ThrowIfInvalid(options.Value);
        _dataSource = dataSource;
        _options = options.Value;
        _committer = new CardBatchCommitter(dataSource, timeProvider, logger);
    }

    /// <summary>Reads a card's state and version; null when the card has no row.</summary>
    public async Task<StoredCard?> ReadAsync(string cardNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardNumber);
        for (var attempt = 1; ; attempt++)
        {
            var dataSource = _dataSource();
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var command = new NpgsqlCommand(ReadSql, connection);
                command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = cardNumber });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new StoredCard(reader.GetString(0), reader.GetInt64(1))
                    : null;
            }
            catch (Exception exception) when (!StorageErrors.IsStatementError(exception) && exception is not OperationCanceledException)
            {
                // The connection may be in any state, and when the server restarted the pool's idle ones are broken
                // too: clearing the pool closes them, and this one once disposed. A read is safe to send again, so a
                // connection broken while idle in the pool does not fail it.
                dataSource.Clear();
                if (attempt > 1 || !StorageErrors.IsConnectionFailure(exception) || cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="write"/> for the next batch. Completes once it has committed, never before; fails with
    /// <see cref="CardVersionConflictException"/> when the card's row was not at <see cref="CardWrite.ExpectedVersion"/>,
    /// <see cref="IdempotencyKeyInUseException"/> when one of its idempotency records' keys is taken, and
    /// <see cref="CardWriteException"/> for any other failure. A failed write stored nothing (when the database
    /// connection failed while committing, the outcome is unknown: the activation must reload either way).
    /// </summary>
    /// <remarks>
    /// Takes no cancellation token: once queued, a write may be in the database at any moment, so its caller must
    /// learn its real outcome.
    /// </remarks>
    public Task WriteAsync(CardWrite write)
    {
        Validate(write);
        var pending = new PendingCardWrite(write);
        var startCommitter = false;
        lock (_lock)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(CardStore), "The card store is shut down.");
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
            // Off the caller's thread and scheduler: the committer serves every card, not this one.
            _ = Task.Run(CommitLoopAsync, CancellationToken.None);
        }

        return pending.Task;
    }

    /// <summary>Refuses new writes, then waits until every queued or in-flight write has its outcome.</summary>
    public async ValueTask DisposeAsync()
    {
        var outstanding = new List<Task>();
        lock (_lock)
        {
            _disposed = true;
            outstanding.AddRange(_queue.Select(pending => pending.Task));
            outstanding.AddRange(_inFlight.SelectMany(batch => batch).Select(pending => pending.Task));
        }

        // Callers observe their own failures; shutting down only waits for them.
        await Task.WhenAll(outstanding).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static void Validate(CardWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentException.ThrowIfNullOrEmpty(write.CardNumber);
        ArgumentNullException.ThrowIfNull(write.StateJson);
        ArgumentNullException.ThrowIfNull(write.Columns);
        ArgumentNullException.ThrowIfNull(write.Rows);
        ArgumentOutOfRangeException.ThrowIfNegative(write.ExpectedVersion);
        foreach (var (column, value) in write.Columns)
        {
            SqlIdentifier.Validate(column);
            if (OwnColumns.Contains(column))
            {
                throw new ArgumentException($"Column {column} of cards is written by the store itself, not as a read-model column.", nameof(write));
            }

            StorageValues.Validate(column, value);
        }

        foreach (var row in write.Rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(write));
        }
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<PendingCardWrite>(Math.Min(_options.MaxBatchSize, 64));
        NpgsqlConnection? connection = null;
        try
        {
            while (true)
            {
                lock (_lock)
                {
                    while (batch.Count < _options.MaxBatchSize && _queue.TryDequeue(out var pending))
                    {
                        batch.Add(pending);
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
