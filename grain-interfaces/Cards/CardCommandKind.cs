using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<CardCommandKind>))]
public enum CardCommandKind
{
    Stamp,
    StampRedemption,
    Points,
    PointRedemption,
    Adjustment,
    Void,
}
