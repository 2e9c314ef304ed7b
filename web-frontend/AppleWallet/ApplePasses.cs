using Loyalty.Database;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Customers;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Web.AppleWallet;

/// <summary>Reads a card for its pass and makes the signed .pkpass.</summary>
public sealed class ApplePasses(
    LoyaltyDatabase database, IGrainFactory grains, ApplePassTokens tokens, PassCertificates certificates, CustomerLinks links,
    IOptions<AppleWalletOptions> options, TimeProvider clock)
{
    /// <summary>The PassKit web service's base address (pass.json's webServiceURL; the device appends <c>/v1/...</c>).</summary>
    public Uri WebServiceUrl => links.Absolute(AppleWalletEndpoints.WebServicePath);

    /// <summary>The card behind a serial number, or null when there is none (or its program is gone).</summary>
    public async Task<ApplePassCard?> FindAsync(string serialNumber, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT c.card_number, m.name, m.slug, c.customer_locale, c.stamps, c.rewards_available, c.points, c.tier, c.status, c.modified_at, c.program_id
            FROM cards c JOIN merchants m ON m.merchant_id = c.merchant_id WHERE c.card_number = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serialNumber });
        ApplePassCard? card;
        Guid programId;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                return null;
            programId = reader.GetGuid(10);
            card = new ApplePassCard(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.GetInt64(6), reader.GetString(7), reader.GetString(8) == "active", reader.GetFieldValue<DateTimeOffset>(9), null!);
        }

        return await grains.GetGrain<IProgramGrain>(programId).GetAsync() is { } program ? card with { Program = program } : null;
    }

    /// <summary>The card's .pkpass, signed now.</summary>
    public async Task<byte[]> CreateAsync(ApplePassCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var token = await tokens.TokenAsync(card.CardNumber, cancellationToken);
        var pass = ApplePassJson.Create(card, options.Value, token, WebServiceUrl, links.CardPage(card.MerchantSlug, card.CardNumber));
        var signedAt = clock.GetUtcNow();
        return PkpassWriter.Write(pass, manifest => certificates.Sign(manifest, signedAt));
    }
}
