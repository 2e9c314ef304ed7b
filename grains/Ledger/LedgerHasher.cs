using Loyalty.Grains.Hashing;

namespace Loyalty.Grains.Ledger;

/// <summary>
/// The hash of a ledger entry: SHA-256, lowercase hex, over a canonical encoding of every field but the hash itself,
/// in a fixed order, starting with the domain tag <c>loyalty.ledger-entry.v1</c>. Each field is written as its name
/// and its value, each as a 4-byte big-endian length plus UTF-8 bytes (null has length 0xFFFFFFFF). The encoding cannot be
/// ambiguous: explicit lengths fix every boundary, the field list and order are fixed by this code, null differs from
/// empty, and values have one spelling each (integers in invariant decimal, Guids in "D" form, enums by name, times
/// as UTC microseconds since the Unix epoch). Changing any of this is a new version tag, never an edit.
/// </summary>
public static class LedgerHasher
{
    public const string Domain = "loyalty.ledger-entry.v1";

    public static byte[] Encode(LedgerEntry entry) => Encoder(entry).ToArray();

    public static string ComputeHash(LedgerEntry entry) => Encoder(entry).Sha256Hex();

    private static CanonicalEncoder Encoder(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new CanonicalEncoder(Domain)
            .Add("transactionId", entry.TransactionId)
            .Add("cardNumber", entry.CardNumber)
            .Add("sequence", entry.Sequence)
            .Add("kind", entry.Kind.ToString())
            .Add("reason", entry.Reason)
            .Add("stampsDelta", entry.StampsDelta)
            .Add("rewardsDelta", entry.RewardsDelta)
            .Add("pointsDelta", entry.PointsDelta)
            .Add("stampsAfter", entry.StampsAfter)
            .Add("rewardsAvailableAfter", entry.RewardsAvailableAfter)
            .Add("pointsAfter", entry.PointsAfter)
            .Add("voidedTransactionId", entry.VoidedTransactionId)
            .Add("storeId", entry.StoreId)
            .Add("deviceId", entry.DeviceId)
            .Add("pinId", entry.PinId)
            .Add("idempotencyKey", entry.IdempotencyKey)
            .Add("occurredAt", entry.OccurredAt)
            .Add("recordedAt", entry.RecordedAt)
            .Add("previousHash", entry.PreviousHash);
    }
}
