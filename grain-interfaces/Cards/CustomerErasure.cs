namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// Erase the personal data of a card's customer (the customer's own request from the portal, or an admin's): who asks
/// (<see cref="Actor"/>, recorded in the audit log) and for which merchant (a card of another merchant is refused).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.CustomerErasure")]
public sealed record CustomerErasure(
    [Id(0)] Guid MerchantId,
    [Id(1)] string Actor);
