using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<CardOutcomeStatus>))]
[GenerateSerializer]
[Alias("loyalty.cards.CardOutcomeStatus")]
public enum CardOutcomeStatus
{
    /// <summary>The operation changed the card (or enrolled a new customer).</summary>
    Applied,

    /// <summary>Enrolment found the program's existing card for that e-mail: nothing changed.</summary>
    Existing,

    /// <summary>A program rule or validation refused it: nothing changed. See <see cref="CardOutcome.Error"/>.</summary>
    Refused,

    /// <summary>The idempotency key was used before with another request: nothing changed.</summary>
    KeyReused,

    /// <summary>No such card.</summary>
    NotFound,
}
