using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Grains.Cards;

/// <summary>
/// A card's recent idempotency keys as a JSON array of strings. Reads the earlier form too, objects holding each key
/// with its request's fingerprint (<c>{"key":"…","fingerprint":"…"}</c>), so states stored before keep loading.
/// </summary>
internal sealed class RecentKeysJson : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Recent idempotency keys are an array, not {reader.TokenType}.");
        }

        var keys = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            keys.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.StartObject => (JsonSerializer.Deserialize<StoredObject>(ref reader, options)?.Key)
                    ?? throw new JsonException("A recent idempotency key object has no key."),
                _ => throw new JsonException($"A recent idempotency key is a string, not {reader.TokenType}."),
            });
        }

        return keys;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            writer.WriteStringValue(value[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>The object form keys were stored in before (the fingerprint it also held is not needed).</summary>
    private sealed record StoredObject(string? Key);
}
