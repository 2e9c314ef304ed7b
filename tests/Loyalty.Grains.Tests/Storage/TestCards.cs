using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Tests.Storage;

/// <summary>Card writes shaped as the card grain's: the read-model columns of <c>cards</c>, ledger entries, idempotency records.</summary>
internal static class TestCards
{
    public static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static string NewNumber() => "9" + Guid.NewGuid().ToString("N")[..15];

    /// <summary>The write that takes the card from <paramref name="expectedVersion"/> to the next, with a ledger entry per stamp.</summary>
    public static CardWrite Write(string cardNumber, long expectedVersion, Guid merchantId, params StorageRow[] rows) => new(
        cardNumber,
        expectedVersion,
        $$"""{"cardNumber":"{{cardNumber}}","version":{{expectedVersion + 1}},"stamps":[1,2,3]}""",
        Columns(merchantId, expectedVersion + 1),
        rows);

    /// <summary>As the card grain writes them: a phone and a birthday that may be null.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Columns(Guid merchantId, long stamps) =>
    [
        new("merchant_id", merchantId),
        new("program_id", Guid.NewGuid()),
        new("customer_name", "Ana Lima"),
        new("customer_email", $"{Guid.NewGuid():N}@example.com"),
        new("customer_phone", stamps % 2 == 0 ? "+352 621 000 000" : null),
        new("customer_birthday", TypedNull.Of(stamps % 3 == 0 ? new DateOnly(1990, 5, 17) : (DateOnly?)null)),
        new("customer_locale", "en"),
        new("stamps", (int)stamps),
        new("rewards_available", 0),
        new("points", stamps * 10),
        new("lifetime_points", stamps * 10),
        new("tier", "bronze"),
        new("status", "active"),
        new("enrolled_at", At),
        new("last_activity_at", At.AddMinutes(stamps)),
        new("ledger_sequence", stamps),
        new("ledger_hash", $"h{stamps}"),
    ];

    public static StorageRow Ledger(string cardNumber, long sequence, string? idempotencyKey = null) => StorageRow.Insert(
        "ledger_entries",
        new("card_number", cardNumber),
        new("sequence", sequence),
        new("transaction_id", Guid.NewGuid()),
        new("kind", "stamp"),
        new("reason", "purchase"),
        new("stamps_delta", 1),
        new("rewards_delta", 0),
        new("points_delta", 0L),
        new("stamps_after", (int)sequence),
        new("rewards_available_after", 0),
        new("points_after", 0L),
        new("voided_transaction_id", TypedNull.Of((Guid?)null)),
        new("store_id", "store-1"),
        new("device_id", null),
        new("pin_id", null),
        new("idempotency_key", idempotencyKey),
        new("occurred_at", At),
        new("recorded_at", At),
        new("previous_hash", $"h{sequence - 1}"),
        new("hash", $"h{sequence}"));

    public static StorageRow Idempotency(Guid merchantId, string key, string cardNumber, long ledgerSequence) => StorageRow.Insert(
        "idempotency_keys",
        new("merchant_id", merchantId),
        new("idempotency_key", key),
        new("fingerprint", "stamp:1"),
        new("card_number", cardNumber),
        new("outcome", null),
        new("ledger_sequence", TypedNull.Of((long?)ledgerSequence)),
        new("recorded_at", At));

    /// <summary>The rows of one stamp with its key: a ledger entry and the idempotency record pointing at it.</summary>
    public static StorageRow[] Stamp(Guid merchantId, string cardNumber, long sequence, string key) =>
        [Ledger(cardNumber, sequence, key), Idempotency(merchantId, key, cardNumber, sequence)];
}
