using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// The pass certificate (with its key) and Apple's WWDR intermediate, loaded once, and the signature a pass carries: a
/// detached PKCS#7 (CMS) signature over manifest.json, with the signing time, holding both certificates.
/// </summary>
public sealed class PassCertificates : IDisposable
{
    private readonly Lazy<(X509Certificate2 Pass, X509Certificate2 Wwdr)> _certificates;

    public PassCertificates(IOptions<AppleWalletOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _certificates = new(() => (LoadPassCertificate(options.Value), LoadWwdrCertificate(options.Value)));
    }

    public static X509Certificate2 LoadPassCertificate(AppleWalletOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
    }

    public static X509Certificate2 LoadWwdrCertificate(AppleWalletOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return X509CertificateLoader.LoadCertificateFromFile(options.WwdrCertificatePath!);
    }

    /// <summary>The DER-encoded detached signature of <paramref name="manifest"/> (the file named <c>signature</c>).</summary>
    public byte[] Sign(byte[] manifest, DateTimeOffset signingTime)
    {
        var (pass, wwdr) = _certificates.Value;
        var cms = new SignedCms(new ContentInfo(manifest), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, pass)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.Add(wwdr);
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    public void Dispose()
    {
        if (_certificates.IsValueCreated)
        {
            _certificates.Value.Pass.Dispose();
            _certificates.Value.Wwdr.Dispose();
        }
    }
}
