using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Storefront;

/// <summary>Reads the merchants the storefront shows from the <c>merchants</c> read model (the merchant grains write it).</summary>
public sealed class StorefrontCatalog(LoyaltyDatabase database)
{
    private const string Columns = "merchant_id, name, slug, default_locale";

    public async Task<IReadOnlyList<StorefrontMerchant>> ListMerchantsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM merchants ORDER BY name, slug");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var merchants = new List<StorefrontMerchant>();
        while (await reader.ReadAsync(cancellationToken))
            merchants.Add(Read(reader));
        return merchants;
    }

    /// <summary>The merchant with this slug, or null (slugs are lower-case: another case finds nothing).</summary>
    public async Task<StorefrontMerchant?> FindMerchantAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        if (!IsSlugShaped(slug))
            return null;
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM merchants WHERE slug = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = slug });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    // Anything else cannot be a slug (and a NUL, which PostgreSQL refuses in text, never reaches the database).
    private static bool IsSlugShaped(string slug) =>
        slug.Length is > 0 and <= 63 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static StorefrontMerchant Read(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
}
