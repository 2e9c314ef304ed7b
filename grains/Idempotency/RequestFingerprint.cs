using System.Text.Json;

namespace Loyalty.Grains.Idempotency;

/// <summary>
/// The fingerprint of an operation request: SHA-256 (lowercase hex) over the operation kind and the fields that
/// define it (<see cref="FingerprintFields"/>), each length-prefixed, sorted by name, values in canonical form. JSON
/// whitespace, field order, number spelling (12, 12.0, 1.2e1) and unlisted fields do not change it.
/// </summary>
public static class RequestFingerprint
{
    public const string Domain = "loyalty.request-fingerprint.v1";

    /// <param name="kind">One of <see cref="OperationKinds"/>.</param>
    /// <param name="body">The request body (or the sync item).</param>
    /// <param name="cardNumber">The card from the path, for single endpoints; when null the body's <c>cardNumber</c> counts.</param>
    public static string FromJson(string kind, JsonElement body, string? cardNumber = null)
    {
        var builder = new FingerprintBuilder(kind);
        foreach (var field in FingerprintFields.For(kind))
        {
            var value = body.ValueKind == JsonValueKind.Object && body.TryGetProperty(field, out var property) ? property : default;
            builder.AddCanonical(field, CanonicalValues.FromJson(field, value));
        }

        if (cardNumber is not null && FingerprintFields.For(kind).Contains("cardNumber"))
            builder.Add("cardNumber", cardNumber);
        return builder.Build();
    }

    public static string FromJson(string kind, string json, string? cardNumber = null)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(kind, document.RootElement, cardNumber);
    }
}
