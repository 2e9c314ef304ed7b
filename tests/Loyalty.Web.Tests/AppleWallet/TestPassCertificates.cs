using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Loyalty.Web.Tests.AppleWallet;

/// <summary>
/// A certificate chain made for the tests, like Apple's: a root CA, a "WWDR" intermediate CA it issued, and a Pass Type
/// ID certificate the intermediate issued, written once per test run as the files the configuration names (the pass
/// certificate as a password-protected PKCS#12 file, the intermediate and the root as PEM).
/// </summary>
public static class TestPassCertificates
{
    public const string PassTypeIdentifier = "pass.lu.loyalty.test";
    public const string TeamIdentifier = "TEAM123456";
    public const string Password = "test-p12-password";

    // Valid around every clock the tests use (their manual clocks start in 2026), whatever the day the tests run.
    private static readonly Lazy<Chain> Made = new(() => Make(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    public static Chain Files => Made.Value;

    /// <summary>Apple Wallet configured with the test chain; pushes are driven by the tests (the watcher's period is an hour).</summary>
    public static IReadOnlyDictionary<string, string?> Settings(Chain? chain = null)
    {
        chain ??= Files;
        return new Dictionary<string, string?>
        {
            ["Loyalty:Wallet:Apple:PassTypeIdentifier"] = PassTypeIdentifier,
            ["Loyalty:Wallet:Apple:TeamIdentifier"] = TeamIdentifier,
            ["Loyalty:Wallet:Apple:CertificatePath"] = chain.PassPath,
            ["Loyalty:Wallet:Apple:CertificatePassword"] = Password,
            ["Loyalty:Wallet:Apple:WwdrCertificatePath"] = chain.WwdrPath,
            ["Loyalty:Wallet:Apple:OrganizationName"] = "Loyalty Test",
            ["Loyalty:Wallet:Apple:PushPollInterval"] = "01:00:00",
        };
    }

    /// <summary>A new chain whose pass certificate is valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public static Chain Make(DateTimeOffset notBefore, DateTimeOffset notAfter, bool withPrivateKey = true)
    {
        var directory = Directory.CreateTempSubdirectory("loyalty-apple-wallet-").FullName;
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Loyalty Test Root CA, O=Loyalty Test, C=LU", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        using var root = rootRequest.CreateSelfSigned(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2045, 1, 1, 0, 0, 0, TimeSpan.Zero));

        using var wwdrKey = RSA.Create(2048);
        var wwdrRequest = new CertificateRequest(
            "CN=Test Worldwide Developer Relations Certification Authority, OU=G4, O=Loyalty Test, C=LU", wwdrKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        wwdrRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        wwdrRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        wwdrRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(wwdrRequest.PublicKey, false));
        wwdrRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var wwdr = wwdrRequest.Create(root, new DateTimeOffset(2019, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2044, 1, 1, 0, 0, 0, TimeSpan.Zero), [1, 2, 3, 4]);

        using var passKey = RSA.Create(2048);
        var passRequest = new CertificateRequest(
            $"UID={PassTypeIdentifier}, CN=Pass Type ID: {PassTypeIdentifier}, OU={TeamIdentifier}, O=Loyalty Test, C=LU", passKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        passRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        passRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        passRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(wwdr, true, false));
        using var wwdrWithKey = wwdr.CopyWithPrivateKey(wwdrKey);
        using var issuedPass = passRequest.Create(wwdrWithKey, notBefore, notAfter, [5, 6, 7, 8]);
        using var pass = issuedPass.CopyWithPrivateKey(passKey);

        var chain = new Chain(Path.Combine(directory, "pass.p12"), Path.Combine(directory, "wwdr.pem"), Path.Combine(directory, "root.pem"));
        File.WriteAllBytes(chain.PassPath, withPrivateKey ? pass.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, Password) : issuedPass.Export(X509ContentType.Pkcs12, Password));
        File.WriteAllText(chain.WwdrPath, wwdr.ExportCertificatePem());
        File.WriteAllText(chain.RootPath, root.ExportCertificatePem());
        return chain;
    }

    public sealed record Chain(string PassPath, string WwdrPath, string RootPath)
    {
        public X509Certificate2 Root() => X509CertificateLoader.LoadCertificateFromFile(RootPath);

        public X509Certificate2 Wwdr() => X509CertificateLoader.LoadCertificateFromFile(WwdrPath);
    }
}
