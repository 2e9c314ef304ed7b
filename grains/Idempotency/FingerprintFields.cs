namespace Loyalty.Grains.Idempotency;

/// <summary>
/// The fields that define each operation for idempotency: what the operation does, to which card, and which staff
/// PIN authorised it. Everything else is left out: <c>idempotencyKey</c> (it is the lookup key, not the request),
/// <c>occurredAt</c> (a tablet may restamp a retry; the same key and the same effect is the same operation),
/// <c>deviceSeq</c> and <c>kind</c> inside a sync item (the kind is hashed separately), and any unknown field.
/// </summary>
public static class FingerprintFields
{
    private static readonly Dictionary<string, string[]> ByKind = new(StringComparer.Ordinal)
    {
        [OperationKinds.Enrollment] = ["programId", "email", "name", "phone", "birthday", "locale", "pinId"],
        [OperationKinds.Stamp] = ["cardNumber", "count", "pinId"],
        [OperationKinds.StampRedemption] = ["cardNumber", "pinId"],
        [OperationKinds.Points] = ["cardNumber", "purchaseAmountMinor", "currency", "pinId"],
        [OperationKinds.PointRedemption] = ["cardNumber", "rewardId", "pinId"],
    };

    public static IReadOnlyCollection<string> Kinds => ByKind.Keys;

    public static IReadOnlyList<string> For(string kind) =>
        ByKind.TryGetValue(kind, out var fields) ? fields : throw new ArgumentException($"Unknown operation kind '{kind}'.", nameof(kind));
}
