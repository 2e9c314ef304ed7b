using Loyalty.Database;
using Loyalty.Web.Terminal;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Web.Staff;

/// <summary>
/// A store's staff PINs from the <c>staff_pins</c> read model, which PIN grains write with their state. Offline
/// verifiers go out only for PINs of at least <see cref="TerminalOptions.OfflinePinMinimumDigits"/> digits, valid for
/// the offline window: a tablet refreshes the list at least that often, or checks PINs online.
/// </summary>
public sealed class StaffDirectory(LoyaltyDatabase database, IOptions<TerminalOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<StaffPinResponse>> ListAsync(Guid storeId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT pin_id, name, pin_hash, locked_until, pin_digits FROM staff_pins WHERE store_id = $1 ORDER BY name, pin_id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = storeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var now = time.GetUtcNow();
        var terminal = options.Value;
        var pins = new List<StaffPinResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? lockedUntil = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
            var locked = lockedUntil > now;
            var offline = reader.GetInt32(4) >= terminal.OfflinePinMinimumDigits;
            pins.Add(new StaffPinResponse(
                reader.GetGuid(0), reader.GetString(1), offline ? reader.GetString(2) : null, locked, locked ? lockedUntil : null,
                offline ? now + terminal.OfflineWindow : null));
        }

        return pins;
    }

    /// <summary>
    /// A page of the store's PINs for the admin pages, by name, and the store's total: the read model's lock, and
    /// whether the PIN is long enough for tablets to get its offline verifier.
    /// </summary>
    public async Task<(IReadOnlyList<StaffPinRow> Items, long Total)> PageAsync(Guid storeId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var minimumDigits = options.Value.OfflinePinMinimumDigits;
        var (items, total) = await PagedQuery.ReadAsync(
            database,
            "SELECT count(*) FROM staff_pins WHERE store_id = $1",
            "SELECT pin_id, name, pin_digits, locked_until, created_at FROM staff_pins WHERE store_id = $1 ORDER BY name, pin_id LIMIT $2 OFFSET $3",
            () => [new NpgsqlParameter<Guid> { TypedValue = storeId }],
            page,
            pageSize,
            reader =>
            {
                DateTimeOffset? lockedUntil = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
                var digits = reader.GetInt32(2);
                return new StaffPinRow(
                    reader.GetGuid(0), reader.GetString(1), digits, digits >= minimumDigits, lockedUntil > now ? lockedUntil : null, reader.GetFieldValue<DateTimeOffset>(4));
            },
            cancellationToken);
        return (items, total);
    }
}
