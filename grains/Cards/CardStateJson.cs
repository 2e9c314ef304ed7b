using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Grains.Cards;

/// <summary>
/// A card's state as stored in <c>cards.state</c>: plain, readable JSON (camelCase names, enums as names, nulls left
/// out), so an operator can read a card with <c>SELECT state FROM cards</c> and a new field needs no format code.
/// </summary>
internal static class CardStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(CardGrainState state) => JsonSerializer.Serialize(state, Options);

    public static CardGrainState Deserialize(string json) =>
        JsonSerializer.Deserialize<CardGrainState>(json, Options) ?? throw new JsonException("A card's stored state is null.");
}
