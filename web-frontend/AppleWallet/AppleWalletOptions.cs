using Loyalty.Grains.Customers;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// Apple Wallet passes (<c>Loyalty:Wallet:Apple</c>), validated at start-up by <see cref="AppleWalletOptionsValidator"/>.
/// With no <see cref="PassTypeIdentifier"/> Apple Wallet is off: no buttons, and its addresses answer 404.
/// </summary>
public sealed class AppleWalletOptions
{
    public const string SectionName = AppleWalletLinks.SectionName;

    /// <summary>The Pass Type ID (<c>pass.com.example.loyalty</c>); it must be the one the certificate was issued for.</summary>
    public string? PassTypeIdentifier { get; set; }

    /// <summary>The Apple Developer team id (10 characters) that owns the Pass Type ID.</summary>
    public string? TeamIdentifier { get; set; }

    /// <summary>The Pass Type ID certificate with its private key, as a PKCS#12 (.p12/.pfx) file.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PKCS#12 file's password (never logged).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Apple's WWDR intermediate certificate (PEM or DER) that issued the pass certificate.</summary>
    public string? WwdrCertificatePath { get; set; }

    /// <summary>The organization shown on the lock screen and in Wallet's pass details.</summary>
    public string? OrganizationName { get; set; }

    /// <summary>How often a frontend looks for registered passes whose card changed, to push their devices.</summary>
    public TimeSpan PushPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether Apple Wallet is configured at all (the validator makes a partial configuration a start-up error).</summary>
    public bool Enabled => AppleWalletLinks.IsEnabled(PassTypeIdentifier);
}
