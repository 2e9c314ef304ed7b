using System.Text.Json;
using Loyalty.Database;
using Loyalty.GrainInterfaces.Cards;
using Npgsql;

namespace Loyalty.Grains.Cards;

/// <summary>
/// The rows beside a card's own that repeat its customer's personal data, cleared when the customer is erased: outbox
/// messages not sent yet (the e-mail sender would address them to the customer) and every <c>portal-sign-in</c>
/// message (their payload holds the e-mail), and the stored first answer of the enrolment (it holds the whole card).
/// One implicit transaction; running it again changes nothing more.
/// </summary>
internal static class CustomerDataScrub
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task RunAsync(LoyaltyDatabase database, Guid merchantId, string cardNumber, string locale)
    {
        await using var batch = database.DataSource.CreateBatch();
        var outbox = new NpgsqlBatchCommand("DELETE FROM outbox WHERE card_number = $1 AND (processed_at IS NULL OR topic = $2)");
        outbox.Parameters.Add(new NpgsqlParameter { Value = cardNumber });
        outbox.Parameters.Add(new NpgsqlParameter { Value = OutboxTopics.PortalSignIn });
        batch.BatchCommands.Add(outbox);

        // The enrolment's key is the one on the card's first ledger entry; its answer is JSON text with the card in it.
        var answer = new NpgsqlBatchCommand(
            """
            UPDATE idempotency_keys SET outcome = jsonb_set(outcome::jsonb, '{card,customer}', $3::jsonb)::text
            WHERE merchant_id = $1 AND card_number = $2 AND outcome IS NOT NULL AND outcome::jsonb ? 'card'
              AND idempotency_key = (SELECT idempotency_key FROM ledger_entries WHERE card_number = $2 AND sequence = 1)
            """);
        answer.Parameters.Add(new NpgsqlParameter { Value = merchantId });
        answer.Parameters.Add(new NpgsqlParameter { Value = cardNumber });
        answer.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(ErasedCustomer.For(locale), Json) });
        batch.BatchCommands.Add(answer);
        await batch.ExecuteNonQueryAsync();
    }
}
