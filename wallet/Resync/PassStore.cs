using System.Text.Json;
using Loyalty.Database;
using Loyalty.Wallet.Passes;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace Loyalty.Wallet.Resync;

/// <summary>
/// Reads and writes <c>google_wallet_passes</c>. A write is conditional on the version its caller read; a stale writer
/// gets <see cref="InconsistentStateException"/> (Orleans then drops that activation) and changes nothing.
/// </summary>
public sealed class PassStore(LoyaltyDatabase database)
{
    private const string Columns =
        "card_number, merchant_id, object_id, inserted, pending, attempts, last_error, next_attempt_at, synced_at, snapshot::text, notified_at, version";

    public async Task<PassRecord?> ReadAsync(string cardNumber, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM google_wallet_passes WHERE card_number = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = cardNumber });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Inserts <paramref name="record"/> (version 1), or fails with a conflict when another activation did first.</summary>
    public async Task<PassRecord> InsertAsync(PassRecord record, DateTimeOffset now)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            INSERT INTO google_wallet_passes (card_number, merchant_id, object_id, inserted, pending, attempts, last_error,
                next_attempt_at, synced_at, snapshot, notified_at, version, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, 1, $12, $12)
            ON CONFLICT (card_number) DO NOTHING
            """);
        AddValues(command, record);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InconsistentStateException($"The Google Wallet pass of card {record.CardNumber} was created by another activation.");
        }

        return record with { Version = 1 };
    }

    /// <summary>Writes <paramref name="record"/> over the version it was read at; returns it with its new version.</summary>
    public async Task<PassRecord> UpdateAsync(PassRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var command = database.DataSource.CreateCommand(
            """
            UPDATE google_wallet_passes
               SET merchant_id = $2, object_id = $3, inserted = $4, pending = $5, attempts = $6, last_error = $7,
                   next_attempt_at = $8, synced_at = $9, snapshot = $10::jsonb, notified_at = $11, updated_at = $12,
                   version = version + 1
             WHERE card_number = $1 AND version = $13
            """);
        AddValues(command, record);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Version });
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InconsistentStateException($"The Google Wallet pass of card {record.CardNumber} changed under this activation (version {record.Version}).");
        }

        return record with { Version = record.Version + 1 };
    }

    /// <summary>Passes whose last resync failed, the soonest retry first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<PassRecord>> ListFailingAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(
            $"SELECT {Columns} FROM google_wallet_passes WHERE last_error IS NOT NULL ORDER BY next_attempt_at, card_number LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<PassRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    /// <summary>How many passes are failing now.</summary>
    public async Task<long> CountFailingAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM google_wallet_passes WHERE last_error IS NOT NULL");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static void AddValues(NpgsqlCommand command, PassRecord record)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = record.CardNumber });
        command.Parameters.Add(new NpgsqlParameter { Value = record.MerchantId });
        command.Parameters.Add(new NpgsqlParameter { Value = record.ObjectId });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Inserted });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Pending });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Attempts });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)record.LastError ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)record.NextAttemptAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)record.SyncedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = record.Snapshot is null ? DBNull.Value : JsonSerializer.Serialize(record.Snapshot),
            NpgsqlDbType = NpgsqlDbType.Text,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = record.NotifiedAt.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
    }

    private static PassRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetBoolean(3),
        reader.GetBoolean(4),
        reader.GetInt32(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : JsonSerializer.Deserialize<PassSnapshot>(reader.GetString(9)),
        reader.GetFieldValue<DateTimeOffset[]>(10),
        reader.GetInt64(11));
}
