using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Email;

/// <summary>Merchant names for the admin e-mail log page: its merchant filter and the merchant of each row.</summary>
public sealed class EmailLogMerchants(LoyaltyDatabase database)
{
    /// <summary>The most merchants the log's filter offers by name; more are still reachable by <c>?merchant=</c>.</summary>
    public const int MaxChoices = 500;

    /// <summary>Merchants by name, at most <see cref="MaxChoices"/>.</summary>
    public async Task<IReadOnlyList<KeyValuePair<Guid, string>>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT merchant_id, name FROM merchants ORDER BY name, merchant_id LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MaxChoices });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The names of the given merchants (those that exist).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> merchantIds, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT merchant_id, name FROM merchants WHERE merchant_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. merchantIds.Distinct()] });
        return (await ReadAsync(command, cancellationToken)).ToDictionary();
    }

    private static async Task<IReadOnlyList<KeyValuePair<Guid, string>>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var merchants = new List<KeyValuePair<Guid, string>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            merchants.Add(KeyValuePair.Create(reader.GetGuid(0), reader.GetString(1)));
        }

        return merchants;
    }
}
