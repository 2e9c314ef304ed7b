using System.Xml.Linq;
using Loyalty.Database;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Loyalty.Grains.Customers;

/// <summary>
/// Data Protection's key ring in the <c>data_protection_keys</c> table, so every process of a deployment protects and
/// unprotects with the same keys. Data Protection calls this synchronously and rarely (at the first use, then about once
/// a day, and when it creates a key), so a blocking round trip is what it expects.
/// </summary>
internal sealed class PostgresKeyRepository(LoyaltyDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = database.DataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        // A friendly name is the key's id ("key-{guid}"): two processes never store different keys under one name.
        using var command = database.DataSource.CreateCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.AddWithValue(friendlyName);
        command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
