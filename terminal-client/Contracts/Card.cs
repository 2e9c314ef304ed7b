namespace Loyalty.TerminalClient.Contracts;

/// <summary>The terminal API's card body.</summary>
/// <param name="CardNumber">16 digits, the last a Luhn check digit; the card's QR code encodes it.</param>
/// <param name="ProgramId">The card's program.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="Stamps">Stamps toward the next reward.</param>
/// <param name="Points">The points balance.</param>
/// <param name="RewardsAvailable">Stamp rewards ready to redeem.</param>
/// <param name="Tier">The tier name.</param>
/// <param name="Status">The card status, as <c>active</c>.</param>
public sealed record Card(string CardNumber, Guid ProgramId, string CustomerName, int Stamps, long Points, int RewardsAvailable, string Tier, string Status);
