namespace Loyalty.Web.AdminSite.Cards;

/// <summary>
/// Idempotency keys for the card page's forms, made when the page is rendered and sent back in a hidden field: a double
/// submit (or a resubmit after "temporarily unavailable") carries the same key and applies once, through the card grain's
/// own idempotency. A new render makes new keys, so the next change is a new operation.
/// </summary>
public static class CardPageKeys
{
    public static string New() => $"admin-page-{Guid.NewGuid():N}";
}
