using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<CardStatus>))]
[GenerateSerializer]
[Alias("loyalty.cards.CardStatus")]
public enum CardStatus
{
    Active,
    Inactive,
}
