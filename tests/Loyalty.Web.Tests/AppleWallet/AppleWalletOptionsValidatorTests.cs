using Loyalty.Testing;
using Loyalty.Web.AppleWallet;

namespace Loyalty.Web.Tests.AppleWallet;

/// <summary>Apple Wallet's configuration: off when unset, and every broken piece a start-up error that names its key.</summary>
public sealed class AppleWalletOptionsValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Validate_NothingSet_IsOff()
    {
        var result = Validate(new AppleWalletOptions());

        Assert.True(result.Succeeded);
        Assert.False(new AppleWalletOptions().Enabled);
    }

    [Fact]
    public void Validate_TestChain_Succeeds()
    {
        var options = PkpassWriterTests.Configured();

        Assert.True(Validate(options).Succeeded);
        Assert.True(options.Enabled);
    }

    [Fact]
    public void Validate_ExpiredCertificate_NamesTheKeyAndTheDate()
    {
        var expired = TestPassCertificates.Make(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["Loyalty:Wallet:Apple:CertificatePath: the certificate expired on 2025-06-30."], Validate(PkpassWriterTests.Configured(expired)).Failures);
    }

    [Fact]
    public void Validate_CertificateWithoutPrivateKey_NamesTheKey()
    {
        var keyless = TestPassCertificates.Make(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero), withPrivateKey: false);

        Assert.Equal(["Loyalty:Wallet:Apple:CertificatePath: the certificate has no private key."], Validate(PkpassWriterTests.Configured(keyless)).Failures);
    }

    [Fact]
    public void Validate_WrongPasswordOrMissingFiles_NamesTheKeysAndNeverThePassword()
    {
        var options = PkpassWriterTests.Configured();
        options.CertificatePassword = "not-the-password-42";
        options.WwdrCertificatePath = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pem");

        var failures = Validate(options).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.StartsWith("Loyalty:Wallet:Apple:CertificatePath: the certificate does not load (", failures[0], StringComparison.Ordinal);
        Assert.EndsWith("; check the file and Loyalty:Wallet:Apple:CertificatePassword).", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Loyalty:Wallet:Apple:WwdrCertificatePath: the certificate does not load (", failures[1], StringComparison.Ordinal);
        Assert.DoesNotContain(failures, f => f.Contains("not-the-password-42", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PartialConfiguration_NamesEveryMissingKey()
    {
        var result = Validate(new AppleWalletOptions { PassTypeIdentifier = "com.example.loyalty", TeamIdentifier = "ABC" });

        Assert.Equal(
        [
            "Loyalty:Wallet:Apple:PassTypeIdentifier must be a Pass Type ID such as pass.com.example.loyalty.",
            "Loyalty:Wallet:Apple:TeamIdentifier must be the 10-character Apple Developer team id.",
            "Loyalty:Wallet:Apple:OrganizationName is required (at most 100 characters).",
            "Loyalty:Wallet:Apple:CertificatePath is required: the Pass Type ID certificate and its key as a PKCS#12 file.",
            "Loyalty:Wallet:Apple:WwdrCertificatePath is required: Apple's WWDR intermediate certificate.",
        ], result.Failures);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(AppleWalletOptions options) =>
        new AppleWalletOptionsValidator(new ManualTimeProvider(Now)).Validate(null, options);
}
