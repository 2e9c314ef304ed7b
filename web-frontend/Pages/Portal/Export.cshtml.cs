using System.Text.Json;
using Loyalty.Web.Portal;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Pages.Portal;

/// <summary>The self-service export: what it holds, and its download (<c>?handler=download</c>, a JSON file).</summary>
public sealed class ExportModel(StorefrontCatalog catalog, PortalCards cards) : SignedInPortalPage(catalog)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync(string merchantSlug, CancellationToken cancellationToken) =>
        await FindMerchantAsync(merchantSlug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(string merchantSlug, CancellationToken cancellationToken)
    {
        if (!await FindMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        var export = await cards.ExportAsync(Merchant, CustomerEmail, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", $"loyalty-{Merchant.Slug}-my-data.json");
    }
}
