namespace Loyalty.Web.Cards;

/// <summary>The admin API's card: the terminal card body plus the customer, merchant and enrolment time.</summary>
public sealed record AdminCardBody(
    string CardNumber,
    Guid ProgramId,
    string CustomerName,
    int Stamps,
    long Points,
    int RewardsAvailable,
    string Tier,
    string Status,
    CustomerBody Customer,
    Guid MerchantId,
    DateTimeOffset EnrolledAt);
