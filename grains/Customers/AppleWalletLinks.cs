using Microsoft.Extensions.Configuration;

namespace Loyalty.Grains.Customers;

/// <summary>
/// Where the "Add to Apple Wallet" buttons point: the storefront's <c>/m/{slug}/card/{token}/wallet/apple</c>, which
/// downloads the card's pass. One rule for every process (the storefront serves the pass, silos send the enrolment
/// e-mail): Apple Wallet is on when <c>Loyalty:Wallet:Apple:PassTypeIdentifier</c> is set, and the download is the card
/// page's address plus <see cref="Suffix"/>.
/// </summary>
public sealed class AppleWalletLinks(bool enabled)
{
    public const string SectionName = "Loyalty:Wallet:Apple";

    public const string PassTypeIdentifierKey = SectionName + ":PassTypeIdentifier";

    public const string Suffix = "/wallet/apple";

    /// <summary>From the configuration's <see cref="PassTypeIdentifierKey"/> (see <see cref="IsEnabled"/>).</summary>
    public AppleWalletLinks(IConfiguration configuration)
        : this(IsEnabled((configuration ?? throw new ArgumentNullException(nameof(configuration)))[PassTypeIdentifierKey]))
    {
    }

    /// <summary>Whether Apple Wallet is configured: buttons show and its addresses answer.</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>The rule: a Pass Type ID is configured (a partial configuration is the storefront's start-up error).</summary>
    public static bool IsEnabled(string? passTypeIdentifier) => !string.IsNullOrWhiteSpace(passTypeIdentifier);

    /// <summary>The pass download's site-relative address, under a card page's path (<see cref="CustomerLinks.CardPath"/>).</summary>
    public static string DownloadPath(string cardPagePath) => cardPagePath + Suffix;

    /// <summary>The pass download's absolute address, under a card page's (<see cref="CustomerLinks.CardPage"/>; e-mails).</summary>
    public static Uri DownloadPage(Uri cardPage)
    {
        ArgumentNullException.ThrowIfNull(cardPage);
        return new Uri(DownloadPath(cardPage.AbsoluteUri));
    }
}
