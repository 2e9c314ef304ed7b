using System.Text.Json.Serialization;
using Loyalty.Grains.Json;

namespace Loyalty.Grains.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<CardStatus>))]
public enum CardStatus
{
    Active,
    Inactive,
}
