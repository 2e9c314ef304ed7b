using Loyalty.Database;

namespace Loyalty.Web.AdminSite.Cards;

/// <summary>A merchant a platform admin can narrow the card search to.</summary>
public sealed record MerchantChoice(Guid Id, string Name)
{
    public static async Task<List<MerchantChoice>> ListAsync(LoyaltyDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var command = database.DataSource.CreateCommand("SELECT merchant_id, name FROM merchants ORDER BY name, merchant_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var merchants = new List<MerchantChoice>();
        while (await reader.ReadAsync(cancellationToken))
            merchants.Add(new MerchantChoice(reader.GetGuid(0), reader.GetString(1)));
        return merchants;
    }
}
