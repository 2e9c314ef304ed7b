using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Staff;

/// <summary>A store's staff PINs from the <c>staff_pins</c> read model, which PIN grains write with their state.</summary>
internal sealed class StaffDirectory(LoyaltyDatabase database, TimeProvider time)
{
    public async Task<IReadOnlyList<StaffPinResponse>> ListAsync(Guid storeId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT pin_id, name, pin_hash, locked_until FROM staff_pins WHERE store_id = $1 ORDER BY name, pin_id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = storeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var now = time.GetUtcNow();
        var pins = new List<StaffPinResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? lockedUntil = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
            var locked = lockedUntil > now;
            pins.Add(new StaffPinResponse(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), locked, locked ? lockedUntil : null));
        }

        return pins;
    }
}
