using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.AdminSite.Operations;

/// <summary>
/// A page about one store's things (staff PINs, devices), chosen with <c>?store=</c>. Without it the page offers the
/// admin's stores (an admin with one store, such as store staff, goes straight to it); a store that does not exist or is not the admin's
/// answers the 404 page, for GET and POST alike.
/// </summary>
public abstract class StorePageModel(OperationsStores stores, TimeProvider time, IStringLocalizer<OperationsStrings> texts) : AdminPageModel
{
    public const string StoreParameter = "store";

    protected IStringLocalizer<OperationsStrings> Texts => texts;

    /// <summary>The stores the picker offers.</summary>
    public IReadOnlyList<OperationsStore> Stores { get; private set; } = [];

    /// <summary>The chosen store; null while none is chosen.</summary>
    public OperationsStore? Store { get; private set; }

    /// <summary>Times in the chosen store's zone.</summary>
    public OperationsTimes Times { get; private set; } = null!;

    /// <summary>Loads the admin's stores and the chosen one; false when <c>?store=</c> names one out of reach.</summary>
    protected async Task<bool> LoadStoreAsync(CancellationToken cancellationToken)
    {
        Stores = await stores.ListAsync(Admin, cancellationToken);
        var asked = Request.Query[StoreParameter].ToString();
        if (asked.Length == 0)
        {
            Store = Stores.Count == 1 ? Stores[0] : null;
        }
        else if (!Guid.TryParse(asked, out var storeId) || await stores.FindAsync(Admin, storeId, cancellationToken) is not { } store)
        {
            return false;
        }
        else
        {
            Store = store;
        }

        Times = new OperationsTimes(OperationsTimes.ZoneOf(Store?.TimeZone ?? "UTC"), time.GetUtcNow(), texts);
        return true;
    }

    /// <summary>The list page asked for in <c>?page=</c>.</summary>
    protected int ListPage => AdminPager.ParsePage(Request.Query[AdminPager.QueryKey]);

    /// <summary>
    /// This page for the chosen store, on the list page the admin is on, with <paramref name="handler"/> for a form's
    /// action. Built by hand: Razor Pages keeps the route value <c>page</c> for the page's own name.
    /// </summary>
    public string PathFor(string? handler = null)
    {
        var query = QueryString.Create(StoreParameter, Store!.StoreId.ToString("D"));
        if (ListPage > 1)
            query = query.Add(AdminPager.QueryKey, ListPage.ToString(CultureInfo.InvariantCulture));
        if (handler is not null)
            query = query.Add("handler", handler);
        return Request.PathBase + Request.Path + query;
    }

    /// <summary>Back to this page for the chosen store (post/redirect/get), on the list page the admin was on.</summary>
    protected IActionResult RedirectToStore() => LocalRedirect(PathFor());
}
