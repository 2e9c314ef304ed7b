namespace Loyalty.Web.AdminSite.Cards;

/// <summary>The block or the unblock form.</summary>
public sealed class StatusForm
{
    public string? Reason { get; set; }

    public string? Key { get; set; }
}
