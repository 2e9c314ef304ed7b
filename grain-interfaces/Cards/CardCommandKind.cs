using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<CardCommandKind>))]
[GenerateSerializer]
[Alias("loyalty.cards.CardCommandKind")]
public enum CardCommandKind
{
    Stamp,
    StampRedemption,
    Points,
    PointRedemption,
    Adjustment,
    Void,
    Block,
    Unblock,
}
