namespace Loyalty.Web.AdminSite.Cards;

/// <summary>One card found: who holds it, where, and its balances. Name and e-mail are null once the customer was erased.</summary>
public sealed record CardSearchRow(
    string CardNumber,
    string MerchantName,
    string ProgramName,
    string? CustomerName,
    string? CustomerEmail,
    string? CustomerPhone,
    string Status,
    int Stamps,
    int RewardsAvailable,
    long Points,
    string Tier);
