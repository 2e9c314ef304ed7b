namespace Loyalty.Web.AdminSite.Cards;

/// <summary>The card page's adjustment form, as typed: numbers arrive as text so that "abc" is a localized field error.</summary>
public sealed class AdjustForm
{
    public string? Stamps { get; set; }

    public string? Points { get; set; }

    public string? Reason { get; set; }

    /// <summary>Made when the page was rendered: the same form sent twice applies once.</summary>
    public string? Key { get; set; }
}
