namespace Loyalty.Web.AdminSite.Cards;

/// <summary>The void form of one ledger entry.</summary>
public sealed class VoidForm
{
    public Guid? TransactionId { get; set; }

    public string? Reason { get; set; }

    public string? Key { get; set; }
}
