using System.Text;
using Npgsql;

namespace Loyalty.Grains.Storage;

/// <summary>
/// Commits rows in one transaction and one round trip, for grains whose state Orleans stores: their read-model upserts
/// and audit inserts. Rows of one shape (table, columns, conflict key) go as one statement, in the order each shape first
/// appears: put a row before the rows that refer to it.
/// </summary>
public sealed class RowWriter
{
    private readonly Func<NpgsqlDataSource> _dataSource;

    /// <param name="dataSource">The database, asked for on each use (the writer is built before the database has started).</param>
    public RowWriter(Func<NpgsqlDataSource> dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <summary>
    /// Commits <paramref name="rows"/>, all or none. A constraint they break fails the call with PostgreSQL's
    /// <see cref="PostgresException"/> (its <see cref="PostgresException.ConstraintName"/> says which).
    /// </summary>
    /// <param name="rows">The rows; none is a no-op.</param>
    /// <param name="cancellationToken">Observed until the rows are sent, not after: sent rows report their real outcome.</param>
    public async Task WriteAsync(IReadOnlyList<StorageRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var groups = new List<RowGroup>();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            RowGroup.Add(groups, row, owner: null);
        }

        // No explicit transaction: the batch's statements run as one implicit transaction, with one WAL flush.
        await using var batch = new NpgsqlBatch();
        foreach (var group in groups)
        {
            var command = new NpgsqlBatchCommand();
            var sql = new StringBuilder(512);
            group.AppendInsert(sql, command.Parameters, writtenCards: null);
            command.CommandText = sql.ToString();
            batch.BatchCommands.Add(command);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var dataSource = _dataSource();
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            batch.Connection = connection;
            await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (!StorageErrors.IsWriteSpecific(exception))
        {
            // Not the rows' fault: the connection may be in any state, and when the server restarted the pool's idle
            // ones are broken too. Clearing the pool closes them, and this one once disposed, rather than pooling it
            // again. The rows are not sent again: with no version to check, a retry could write them twice.
            dataSource.Clear();
            throw;
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
