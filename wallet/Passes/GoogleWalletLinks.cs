using Loyalty.Grains.Customers;
using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Passes;

/// <summary>
/// Where the "Add to Google Wallet" buttons point: the storefront's <c>/m/{slug}/card/{token}/google-wallet</c>, which
/// inserts the object and redirects to Google's save link. Buttons show only when <see cref="Enabled"/>.
/// </summary>
public sealed class GoogleWalletLinks(CustomerLinks links, IOptions<GoogleWalletOptions> options)
{
    public const string Suffix = "/google-wallet";

    public bool Enabled => options.Value.Enabled;

    /// <summary>The button's site-relative address for a card.</summary>
    public string SavePath(string merchantSlug, string cardNumber) => links.CardPath(merchantSlug, cardNumber) + Suffix;

    /// <summary>The button's absolute address (e-mails).</summary>
    public Uri SavePage(string merchantSlug, string cardNumber) => links.Absolute(SavePath(merchantSlug, cardNumber));
}
