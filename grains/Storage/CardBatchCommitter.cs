using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Grains.Storage;

/// <summary>
/// Commits one batch of card writes in one round trip and gives each write its own outcome. The batch carries no
/// explicit transaction: Npgsql sends all its statements before a single Sync, so PostgreSQL runs them as one implicit
/// transaction, all or nothing, with one WAL flush.
/// </summary>
internal sealed class CardBatchCommitter(Func<NpgsqlDataSource> dataSource, TimeProvider timeProvider, ILogger logger)
{
    private const string IdempotencyTable = "idempotency_keys";
    private const string IdempotencyPrimaryKey = "idempotency_keys_pkey";

    private const string KeyInUseSql =
        "SELECT r.n FROM unnest($1, $2) WITH ORDINALITY AS r(merchant_id, idempotency_key, n) " +
        "WHERE EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.merchant_id = r.merchant_id AND k.idempotency_key = r.idempotency_key) " +
        "ORDER BY r.n LIMIT 1";

    /// <summary>
    /// Gives every write of <paramref name="batch"/> its outcome; never throws. Sends it on <paramref name="connection"/>
    /// (or a newly opened one) and returns the connection for the committer's next batch, or null after a failure of
    /// the connection: a committer keeps its connection while writes keep coming.
    /// </summary>
    public async Task<NpgsqlConnection?> CommitAsync(List<PendingCardWrite> batch, NpgsqlConnection? connection)
    {
        // Nothing here observes a caller's cancellation: a write handed to the database reports its real outcome.
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlDataSource? source = null;
            Lease? lease = null;
            try
            {
                source = dataSource();
                connection ??= await source.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
                lease = new Lease(connection);
                await CommitOrSplitAsync(lease, batch, 0, batch.Count).ConfigureAwait(false);
                return lease.Connection;
            }
            catch (Exception exception)
            {
                // Not a write's own failure (those are settled below): the connection may be in any state, and when
                // the server restarted, the pool's idle connections are broken too. Clearing the pool closes them, and
                // this one once disposed, rather than pooling it again: a broken connection never fails the next
                // request. (NpgsqlConnection.ClearPool finds pools by connection string; a data source's is not one.)
                source?.Clear();
                await DisposeQuietlyAsync(lease?.Connection ?? connection).ConfigureAwait(false);
                connection = null;
                var unfinished = batch.FindAll(pending => !pending.IsFinished);

                // Every write is conditional on its version, so sending the unfinished ones again is safe: one that
                // did commit before the failure now meets its own new version and reports a conflict.
                if (attempt == 1 && StorageErrors.IsConnectionFailure(exception))
                {
                    CardStoreLog.RetryingOnNewConnection(logger, exception, unfinished.Count);
                    batch = unfinished;
                    continue;
                }

                CardStoreLog.BatchFailed(logger, exception, unfinished.Count);
                foreach (var pending in unfinished)
                {
                    pending.Fail(new CardWriteException(pending.Write.CardNumber, pending.Write.ExpectedVersion, exception));
                }

                return null;
            }
        }
    }

    /// <summary>
    /// Commits <paramref name="count"/> writes from <paramref name="start"/> in one transaction. When it fails because
    /// of some write (a constraint, a refused value), nothing of it committed: each half is committed apart, down to the
    /// faulty write alone, which alone fails. One faulty write among n costs about 2·log2(n) more round trips.
    /// </summary>
    private async Task CommitOrSplitAsync(Lease lease, List<PendingCardWrite> batch, int start, int count)
    {
        try
        {
            await ExecuteAsync(lease.Connection, batch.GetRange(start, count)).ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageErrors.IsWriteSpecific(exception))
        {
            // A connection whose batch failed is not trusted with another: after some errors (a value jsonb refuses,
            // 22P05) Npgsql was seen reading the failed batch's leftovers as the next command's answer, which failed
            // the writes of other cards. A fresh connection costs one pooled open, on a path that is rare.
            await RenewAsync(lease).ConfigureAwait(false);
            if (count == 1)
            {
                batch[start].Fail(await ExplainAsync(lease.Connection, batch[start].Write, exception).ConfigureAwait(false));
                return;
            }

            CardStoreLog.BatchSplit(logger, count, StorageErrors.Describe(exception));
            var half = count / 2;
            await CommitOrSplitAsync(lease, batch, start, half).ConfigureAwait(false);
            await CommitOrSplitAsync(lease, batch, start + half, count - half).ConfigureAwait(false);
        }
    }

    private async Task RenewAsync(Lease lease)
    {
        await DisposeQuietlyAsync(lease.Connection).ConfigureAwait(false);
        lease.Connection = await dataSource().OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, List<PendingCardWrite> writes)
    {
        var statements = CardBatchPlan.Plan(writes);
        var modifiedAt = timeProvider.GetUtcNow();
        await using var batch = connection.CreateBatch();
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(CardStatement.Create(statement.ConvertAll(pending => pending.Write), modifiedAt));
        }

        var written = new HashSet<PendingCardWrite>();
        await using (var reader = await batch.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // Each statement answers the cards it wrote (its cards are distinct; a card may come again in a later one).
            for (var s = 0; s < statements.Count; s++)
            {
                if (s > 0)
                {
                    await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false);
                }

                var byCard = statements[s].ToDictionary(pending => pending.Write.CardNumber, StringComparer.Ordinal);
                while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    written.Add(byCard[reader.GetString(0)]);
                }
            }

            // Reading to the end surfaces an error raised at commit before any caller is told its write committed.
            while (await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false))
            {
            }
        }

        // Committed: only now is any caller answered.
        foreach (var pending in writes)
        {
            if (written.Contains(pending))
            {
                pending.Succeed();
            }
            else
            {
                CardStoreLog.VersionConflict(logger, pending.Write.CardNumber, pending.Write.ExpectedVersion);
                pending.Fail(new CardVersionConflictException(pending.Write.CardNumber, pending.Write.ExpectedVersion));
            }
        }
    }

    /// <summary>The exception a write that failed alone reports.</summary>
    private async Task<Exception> ExplainAsync(NpgsqlConnection connection, CardWrite write, Exception exception)
    {
        if (exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: IdempotencyPrimaryKey }
            && IdempotencyKeysOf(write) is { Count: > 0 } keys)
        {
            // PostgreSQL names the key only in the error's detail, which Npgsql withholds unless the connection string
            // asks for it; a coalesced write holds several keys, so ask which one is taken.
            var (merchantId, key) = keys.Count == 1 ? keys[0] : await FindKeyInUseAsync(connection, keys).ConfigureAwait(false);
            CardStoreLog.IdempotencyKeyInUse(logger, write.CardNumber, key, merchantId);
            return new IdempotencyKeyInUseException(merchantId, key, write.CardNumber, exception);
        }

        CardStoreLog.WriteFailed(logger, exception, write.CardNumber, write.ExpectedVersion, StorageErrors.Describe(exception));
        return new CardWriteException(write.CardNumber, write.ExpectedVersion, exception);
    }

    private static List<(Guid MerchantId, string Key)> IdempotencyKeysOf(CardWrite write)
    {
        var keys = new List<(Guid, string)>();
        foreach (var row in write.Rows)
        {
            if (row.Table == IdempotencyTable
                && row.Values.FirstOrDefault(v => v.Key == "merchant_id").Value is Guid merchantId
                && row.Values.FirstOrDefault(v => v.Key == "idempotency_key").Value is string key)
            {
                keys.Add((merchantId, key));
            }
        }

        return keys;
    }

    /// <summary>The first of <paramref name="keys"/> already stored; else the first one the write holds twice; else the first.</summary>
    private static async Task<(Guid MerchantId, string Key)> FindKeyInUseAsync(NpgsqlConnection connection, List<(Guid MerchantId, string Key)> keys)
    {
        await using var command = new NpgsqlCommand(KeyInUseSql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid[]> { NpgsqlDbType = NpgsqlDbType.Uuid | NpgsqlDbType.Array, TypedValue = [.. keys.Select(k => k.MerchantId)] },
                new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Text | NpgsqlDbType.Array, TypedValue = [.. keys.Select(k => k.Key)] },
            },
        };
        if (await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is long ordinal)
        {
            return keys[(int)ordinal - 1];
        }

        var repeated = keys.FindIndex(k => keys.Count(other => other == k) > 1);
        return keys[Math.Max(repeated, 0)];
    }

    /// <summary>The connection a batch is committed on; replaced after a failed statement.</summary>
    private sealed class Lease(NpgsqlConnection connection)
    {
        public NpgsqlConnection Connection { get; set; } = connection;
    }

    private static async Task DisposeQuietlyAsync(NpgsqlConnection? connection)
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed connection may fail again as it closes; it is gone either way.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
