namespace Loyalty.Web.Portal;

/// <summary>A card of the signed-in customer as its <c>cards</c> row holds it, with its customer's data as stored.</summary>
public sealed record CustomerCardRow(
    string CardNumber,
    Guid ProgramId,
    string ProgramName,
    string CustomerName,
    string CustomerEmail,
    string? CustomerPhone,
    DateOnly? CustomerBirthday,
    string CustomerLocale,
    int Stamps,
    int RewardsAvailable,
    long Points,
    long LifetimePoints,
    string Tier,
    string Status,
    DateTimeOffset EnrolledAt);
