using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Grains.Ledger;

namespace Loyalty.Grains.Cards;

/// <summary>
/// A <see cref="TransactionRecord"/> as a JSON array, <c>[transactionId, kind, stampsDelta, rewardsDelta, pointsDelta,
/// lifetimePointsDelta, voided, draws]</c>, with trailing default values left out: a card writes its last 200 records
/// with every operation, and the property names were half of each record's bytes (~99 bytes a stamp as an object, ~49
/// as an array). Reads the earlier object form too, so states stored before keep loading.
/// </summary>
internal sealed class TransactionRecordJson : JsonConverter<TransactionRecord>
{
    public override TransactionRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return (JsonSerializer.Deserialize<StoredObject>(ref reader, options) ?? throw new JsonException("A transaction record is null.")).ToRecord();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A transaction record is an array or an object, not {reader.TokenType}.");
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.String || !reader.TryGetGuid(out var transactionId) || !reader.Read())
        {
            throw new JsonException("A transaction record starts with its transaction id and kind.");
        }

        var kind = JsonSerializer.Deserialize<LedgerKind>(ref reader, options);
        long[] deltas = [0, 0, 0, 0];
        var voided = false;
        IReadOnlyList<LotDraw> draws = [];
        for (var position = 2; reader.Read() && reader.TokenType != JsonTokenType.EndArray; position++)
        {
            if (position < 6)
            {
                deltas[position - 2] = reader.GetInt64();
            }
            else if (position == 6)
            {
                voided = reader.GetBoolean();
            }
            else if (position == 7)
            {
                draws = JsonSerializer.Deserialize<LotDraw[]>(ref reader, options) ?? [];
            }
            else
            {
                throw new JsonException("A transaction record has more than 8 elements.");
            }
        }

        return new TransactionRecord
        {
            TransactionId = transactionId,
            Kind = kind,
            StampsDelta = checked((int)deltas[0]),
            RewardsDelta = checked((int)deltas[1]),
            PointsDelta = deltas[2],
            LifetimePointsDelta = deltas[3],
            Voided = voided,
            Draws = draws,
        };
    }

    public override void Write(Utf8JsonWriter writer, TransactionRecord value, JsonSerializerOptions options)
    {
        var last = value.Draws.Count > 0 ? 7
            : value.Voided ? 6
            : value.LifetimePointsDelta != 0 ? 5
            : value.PointsDelta != 0 ? 4
            : value.RewardsDelta != 0 ? 3
            : value.StampsDelta != 0 ? 2
            : 1;
        writer.WriteStartArray();
        writer.WriteStringValue(value.TransactionId);
        JsonSerializer.Serialize(writer, value.Kind, options);
        if (last >= 2)
        {
            writer.WriteNumberValue(value.StampsDelta);
        }

        if (last >= 3)
        {
            writer.WriteNumberValue(value.RewardsDelta);
        }

        if (last >= 4)
        {
            writer.WriteNumberValue(value.PointsDelta);
        }

        if (last >= 5)
        {
            writer.WriteNumberValue(value.LifetimePointsDelta);
        }

        if (last >= 6)
        {
            writer.WriteBooleanValue(value.Voided);
        }

        if (last >= 7)
        {
            JsonSerializer.Serialize(writer, value.Draws, options);
        }

        writer.WriteEndArray();
    }

    /// <summary>The object form records were stored in before.</summary>
    private sealed record StoredObject(
        Guid TransactionId, LedgerKind Kind, int StampsDelta, int RewardsDelta, long PointsDelta, long LifetimePointsDelta, IReadOnlyList<LotDraw>? Draws, bool Voided)
    {
        public TransactionRecord ToRecord() => new()
        {
            TransactionId = TransactionId,
            Kind = Kind,
            StampsDelta = StampsDelta,
            RewardsDelta = RewardsDelta,
            PointsDelta = PointsDelta,
            LifetimePointsDelta = LifetimePointsDelta,
            Draws = Draws ?? [],
            Voided = Voided,
        };
    }
}
