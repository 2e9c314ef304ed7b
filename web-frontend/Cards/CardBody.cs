namespace Loyalty.Web.Cards;

/// <summary>The terminal API's card body.</summary>
public sealed record CardBody(
    string CardNumber,
    Guid ProgramId,
    string CustomerName,
    int Stamps,
    long Points,
    int RewardsAvailable,
    string Tier,
    string Status);
