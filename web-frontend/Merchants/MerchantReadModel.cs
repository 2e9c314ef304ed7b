using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Merchants;

/// <summary>Reads the <c>merchants</c> read model that the merchant grains write.</summary>
public sealed class MerchantReadModel(LoyaltyDatabase database)
{
    /// <summary>The merchant's default locale, or null when the merchant does not exist.</summary>
    public async Task<string?> FindDefaultLocaleAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT default_locale FROM merchants WHERE merchant_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
