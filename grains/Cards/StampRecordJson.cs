using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Grains.Cards;

/// <summary>
/// A <see cref="StampRecord"/> as <c>[at, count]</c>: a card writes its recent stamps (up to 256) with every operation.
/// Reads the earlier object form too, so states stored before keep loading.
/// </summary>
internal sealed class StampRecordJson : JsonConverter<StampRecord>
{
    public override StampRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var stored = JsonSerializer.Deserialize<StoredObject>(ref reader, options) ?? throw new JsonException("A stamp record is null.");
            return new StampRecord(stored.At, stored.Count);
        }

        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read())
        {
            throw new JsonException($"A stamp record is an array or an object, not {reader.TokenType}.");
        }

        var at = reader.GetDateTimeOffset();
        reader.Read();
        var count = reader.GetInt32();
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A stamp record has two elements.");
        }

        return new StampRecord(at, count);
    }

    public override void Write(Utf8JsonWriter writer, StampRecord value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.At);
        writer.WriteNumberValue(value.Count);
        writer.WriteEndArray();
    }

    /// <summary>The object form records were stored in before.</summary>
    private sealed record StoredObject(DateTimeOffset At, int Count);
}
