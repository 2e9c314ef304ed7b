using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Grains.Cards;

/// <summary>
/// A recent idempotency key as a JSON string. Reads the earlier form too, an object holding the key with its request's
/// fingerprint (<c>{"key":"…","fingerprint":"…"}</c>), so states stored before keep loading.
/// </summary>
internal sealed class RecentKeyJson : JsonConverter<RecentKey>
{
    public override RecentKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new RecentKey(reader.GetString()!),
        JsonTokenType.StartObject => new RecentKey(JsonSerializer.Deserialize<StoredObject>(ref reader, options)?.Key
            ?? throw new JsonException("A recent idempotency key object has no key.")),
        _ => throw new JsonException($"A recent idempotency key is a string, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, RecentKey value, JsonSerializerOptions options) => writer.WriteStringValue(value.Key);

    /// <summary>The object form keys were stored in before (the fingerprint it also held is not needed).</summary>
    private sealed record StoredObject(string? Key);
}
