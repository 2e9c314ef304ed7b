using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Cards;

/// <summary>What a card grain commits with its state: its read-model columns, ledger entries, idempotency records, outbox messages.</summary>
internal static class CardRows
{
    // Nulls are left out (they read back as null): every operation writes an outcome, some an outbox payload.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // A stored first answer leaves out what its row holds already (the card's number, the merchant) and the replay flag
    // (false when stored): ~100 bytes less on every card operation. Records stored with them still read.
    private static readonly JsonSerializerOptions OutcomeJson = new(Json)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutRowColumns } },
    };

    public static StorageRow Ledger(LedgerEntry e) => StorageRow.Insert(
        "ledger_entries",
        new("card_number", e.CardNumber),
        new("sequence", e.Sequence),
        new("transaction_id", e.TransactionId),
        new("kind", Names.Of(e.Kind)),
        new("reason", e.Reason),
        new("stamps_delta", e.StampsDelta),
        new("rewards_delta", e.RewardsDelta),
        new("points_delta", e.PointsDelta),
        new("stamps_after", e.StampsAfter),
        new("rewards_available_after", e.RewardsAvailableAfter),
        new("points_after", e.PointsAfter),
        new("voided_transaction_id", TypedNull.Of(e.VoidedTransactionId)),
        new("store_id", e.StoreId),
        new("device_id", e.DeviceId),
        new("pin_id", e.PinId),
        new("idempotency_key", e.IdempotencyKey),
        new("occurred_at", e.OccurredAt),
        new("recorded_at", e.RecordedAt),
        new("previous_hash", e.PreviousHash),
        new("hash", e.Hash));

    /// <summary>
    /// The card's read-model columns of its row in <c>cards</c>, where its state is stored too (see
    /// <see cref="CardGrainState"/>): what admin lists, search and the one-card-per-e-mail rule read.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> ReadModel(CardState card, Guid merchantId, LedgerHead head) =>
    [
        new("merchant_id", merchantId),
        new("program_id", Guid.Parse(card.ProgramId, CultureInfo.InvariantCulture)),
        // An erased customer's name and e-mail are NULL: nothing to find, and no clash in the one-card-per-e-mail index.
        new("customer_name", card.Customer.IsErased() ? null : card.Customer.Name),
        new("customer_email", card.Customer.IsErased() ? null : card.Customer.Email),
        new("customer_phone", card.Customer.Phone),
        new("customer_birthday", TypedNull.Of(card.Customer.Birthday)),
        new("customer_locale", card.Customer.Locale),
        new("stamps", card.Stamps),
        new("rewards_available", card.RewardsAvailable),
        new("points", card.PointsBalance),
        new("lifetime_points", card.LifetimePoints),
        new("tier", Names.Of(card.Tier)),
        new("status", Names.Of(card.Status)),
        new("enrolled_at", card.EnrolledAt),
        new("last_activity_at", card.LastActivityAt),
        new("ledger_sequence", head.Sequence),
        new("ledger_hash", head.Hash),
    ];

    /// <summary>
    /// The idempotency record of an operation that was refused, or of an enrolment: its first answer stored as JSON.
    /// </summary>
    public static StorageRow Idempotency(Guid merchantId, string cardNumber, IdempotencyRecord record, DateTimeOffset recordedAt) =>
        Idempotency(merchantId, cardNumber, record.Key, record.Fingerprint, JsonSerializer.Serialize(record.Outcome, OutcomeJson), null, recordedAt);

    /// <summary>
    /// The idempotency record of an applied operation: its first answer is what <paramref name="entry"/> records
    /// (<see cref="Applied"/>), so the record points at the entry instead of repeating it (~330 bytes less per operation).
    /// </summary>
    public static StorageRow Idempotency(Guid merchantId, string key, string fingerprint, LedgerEntry entry) =>
        Idempotency(merchantId, entry.CardNumber, key, fingerprint, null, entry.Sequence, entry.RecordedAt);

    /// <summary>
    /// The answer to an applied operation on a card: its balances, transaction and points earned, all as its ledger entry
    /// records them. A replay rebuilds it from the same entry, so both answers are equal by construction.
    /// </summary>
    public static CardOutcome Applied(LedgerEntry entry) => Applied(
        entry.TransactionId, entry.Kind, entry.PointsDelta, new CardBalance(entry.StampsAfter, entry.PointsAfter, entry.RewardsAvailableAfter));

    /// <summary>As <see cref="Applied(LedgerEntry)"/>, from the columns of the entry's row.</summary>
    public static CardOutcome Applied(Guid transactionId, LedgerKind kind, long pointsDelta, CardBalance balance) => new(
        CardOutcomeStatus.Applied,
        Balance: balance,
        TransactionId: transactionId,
        PointsEarned: kind == LedgerKind.Points ? pointsDelta : null);

    private static StorageRow Idempotency(
        Guid merchantId, string cardNumber, string key, string fingerprint, string? outcome, long? ledgerSequence, DateTimeOffset recordedAt) => StorageRow.Insert(
        "idempotency_keys",
        new("merchant_id", merchantId),
        new("idempotency_key", key),
        new("fingerprint", fingerprint),
        new("card_number", cardNumber),
        new("outcome", outcome),
        new("ledger_sequence", TypedNull.Of(ledgerSequence)),
        new("recorded_at", recordedAt));

    public static StorageRow Outbox(string topic, Guid merchantId, string cardNumber, object payload, DateTimeOffset createdAt) => StorageRow.Insert(
        "outbox",
        new("topic", topic),
        new("merchant_id", merchantId),
        new("card_number", cardNumber),
        new("payload", new JsonbValue(JsonSerializer.Serialize(payload, Json))),
        new("created_at", createdAt));

    /// <summary>A first answer stored as JSON, completed with its row's card number and merchant.</summary>
    public static CardOutcome ReadOutcome(string json, string cardNumber, Guid merchantId)
    {
        var outcome = JsonSerializer.Deserialize<CardOutcome>(json, OutcomeJson) ?? throw new JsonException("An idempotency record holds no outcome.");
        return outcome.Card is { } card ? outcome with { Card = card with { CardNumber = cardNumber, MerchantId = merchantId } } : outcome;
    }

    private static void LeaveOutRowColumns(JsonTypeInfo type)
    {
        string[] leftOut = type.Type == typeof(CardView) ? ["cardNumber", "merchantId"] : type.Type == typeof(CardOutcome) ? ["replayed"] : [];
        foreach (var property in type.Properties.Where(p => leftOut.Contains(p.Name)))
        {
            property.ShouldSerialize = static (_, _) => false;
        }
    }
}
