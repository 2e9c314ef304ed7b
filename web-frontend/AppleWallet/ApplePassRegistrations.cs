using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.AppleWallet;

/// <summary>The devices registered for passes (<c>apple_wallet_registrations</c>), and which of a device's passes changed.</summary>
public sealed class ApplePassRegistrations(LoyaltyDatabase database)
{
    /// <summary>
    /// How far behind the clock the "updated since" tag stays. A card's <c>modified_at</c> is taken when its operation is
    /// decided and the row commits a moment later; a tag at the newest <c>modified_at</c> seen could pass over a change
    /// decided earlier but committed later. Passes changed within this window are listed again on the next ask, which
    /// costs the device one 304.
    /// </summary>
    public static readonly TimeSpan CommitWindow = TimeSpan.FromSeconds(30);

    /// <summary>Registers (or renews) a device for a pass; null when there is no card with that serial number.</summary>
    /// <returns>True when the registration is new, false when the device was registered already.</returns>
    public async Task<bool?> RegisterAsync(string device, string passType, string serialNumber, string pushToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A new registration starts at the card's current state: only later changes are pushed.
        await using var command = database.DataSource.CreateCommand(
            """
            INSERT INTO apple_wallet_registrations AS r
                (device_library_identifier, pass_type_identifier, serial_number, push_token, registered_at, pushed_modified_at)
            SELECT $1, $2, c.card_number, $4, $5, c.modified_at FROM cards c WHERE c.card_number = $3
            ON CONFLICT (device_library_identifier, pass_type_identifier, serial_number) DO UPDATE SET push_token = EXCLUDED.push_token
            RETURNING (xmax = 0)
            """);
        Add(command, device, passType, serialNumber, pushToken);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return await command.ExecuteScalarAsync(cancellationToken) is bool created ? created : null;
    }

    public async Task UnregisterAsync(string device, string passType, string serialNumber, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "DELETE FROM apple_wallet_registrations WHERE device_library_identifier = $1 AND pass_type_identifier = $2 AND serial_number = $3");
        Add(command, device, passType, serialNumber);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The device's passes whose card changed after <paramref name="since"/> (all of them without), with their cards' change times.</summary>
    public async Task<IReadOnlyList<(string SerialNumber, DateTimeOffset ModifiedAt)>> ChangedAsync(
        string device, string passType, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT r.serial_number, c.modified_at FROM apple_wallet_registrations r JOIN cards c ON c.card_number = r.serial_number
            WHERE r.device_library_identifier = $1 AND r.pass_type_identifier = $2 AND ($3::timestamptz IS NULL OR c.modified_at > $3)
            ORDER BY r.serial_number
            """);
        Add(command, device, passType);
        command.Parameters.Add(new NpgsqlParameter { Value = since is { } value ? value : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changed = new List<(string, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
            changed.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return changed;
    }

    /// <summary>
    /// Claims the registrations whose card changed since their last push (one statement: of several frontends polling
    /// at once, each change is claimed by one) and returns their push tokens.
    /// </summary>
    public async Task<IReadOnlyList<PassPush>> ClaimChangedAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            UPDATE apple_wallet_registrations r SET pushed_modified_at = c.modified_at
            FROM cards c WHERE c.card_number = r.serial_number AND c.modified_at > r.pushed_modified_at
            RETURNING r.pass_type_identifier, r.serial_number, r.device_library_identifier, r.push_token
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pushes = new List<PassPush>();
        while (await reader.ReadAsync(cancellationToken))
            pushes.Add(new PassPush(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return pushes;
    }

    private static void Add(NpgsqlCommand command, params string[] values)
    {
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
    }
}
