namespace Loyalty.Web.AdminSite.Cards;

/// <summary>
/// The cards a person may find: a platform admin every card (or one merchant's, when chosen), a merchant owner their
/// merchant's, store staff their merchant's cards with a ledger entry at their store (enrolled or used there).
/// </summary>
public sealed record CardSearchScope(Guid? MerchantId, Guid? StoreId)
{
    public static CardSearchScope Everything { get; } = new(null, null);
}
