using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Customers;

/// <summary>
/// The links a customer is sent: the card page (<c>/m/{merchantSlug}/card/{token}</c>, the enrolment success page,
/// which survives reloads and later visits) carries the card number protected by Data Protection, so only this
/// deployment can make one and nobody can walk card numbers. The link does not expire: it is the customer's bookmark.
/// </summary>
public sealed class CustomerLinks
{
    private const string CardPurpose = "Loyalty.CustomerLinks.Card.v1";
    private readonly IDataProtector _cards;
    private readonly Uri _baseUrl;

    public CustomerLinks(IDataProtectionProvider protection, IOptions<CustomerLinkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(options);
        _cards = protection.CreateProtector(CardPurpose);
        var url = options.Value.PublicBaseUrl;
        _baseUrl = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    /// <summary>The token that names a card in its page's address (URL-safe).</summary>
    public string CardToken(string cardNumber) => _cards.Protect(cardNumber);

    /// <summary>The card number a token names, or null when the token was not made by this deployment (or was altered).</summary>
    public string? ReadCardToken(string token)
    {
        try
        {
            return _cards.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The card page's path, relative to the site (for redirects within it).</summary>
    public string CardPath(string merchantSlug, string cardNumber) =>
        $"/m/{Uri.EscapeDataString(merchantSlug)}/card/{CardToken(cardNumber)}";

    /// <summary>The card page's absolute address (for e-mails and wallet passes).</summary>
    public Uri CardPage(string merchantSlug, string cardNumber) => Absolute(CardPath(merchantSlug, cardNumber));

    /// <summary>An absolute address on the storefront for a site-relative path such as <c>/m/shop/portal</c>.</summary>
    public Uri Absolute(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new Uri(_baseUrl, path.TrimStart('/'));
    }
}
