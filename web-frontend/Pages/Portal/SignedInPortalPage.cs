using Loyalty.Web.Portal;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Web.Pages.Portal;

/// <summary>A portal page for the signed-in customer of this merchant only (the <see cref="CustomerSession.Policy"/>).</summary>
[Authorize(Policy = CustomerSession.Policy)]
public abstract class SignedInPortalPage(StorefrontCatalog catalog) : PortalPage(catalog);
