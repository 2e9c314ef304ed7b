using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<CardStatus>))]
[GenerateSerializer]
[Alias("loyalty.cards.CardStatus")]
public enum CardStatus
{
    Active,

    /// <summary>Closed (the customer's data was erased): stamps, earning and redemptions are refused, for good.</summary>
    Inactive,

    /// <summary>Blocked by an admin (a lost or misused card): refused like an inactive card until it is unblocked.</summary>
    Blocked,
}
