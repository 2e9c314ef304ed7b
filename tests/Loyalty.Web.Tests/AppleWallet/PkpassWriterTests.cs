using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.AppleWallet;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Tests.AppleWallet;

/// <summary>
/// A card's .pkpass, made with the test certificate chain: the files it holds, the manifest's hashes, pass.json's fields,
/// and the detached signature, checked by .NET (SignedCms against the chain) and by OpenSSL (<c>openssl smime -verify</c>).
/// </summary>
public sealed class PkpassWriterTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] ExpectedFiles =
    [
        "de.lproj/pass.strings", "en.lproj/pass.strings", "fr.lproj/pass.strings", "icon.png", "icon@2x.png", "icon@3x.png", "lb.lproj/pass.strings",
        "logo.png", "logo@2x.png", "manifest.json", "pass.json", "signature",
    ];

    [Fact]
    public void Write_HybridCard_HoldsEveryFileWithTheManifestsHashes()
    {
        var package = PassPackage.Open(Write(HybridCard()));

        Assert.Equal(ExpectedFiles, package.Files.Keys.Order(StringComparer.Ordinal));
        var manifest = package.Manifest.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(ExpectedFiles.Except(["manifest.json", "signature"]), manifest.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, hash) in manifest)
        {
#pragma warning disable CA5350 // The manifest's format is SHA-1.
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(package.Files[name])), hash);
#pragma warning restore CA5350
        }

        foreach (var image in new[] { ("icon.png", 29), ("icon@2x.png", 58), ("icon@3x.png", 87), ("logo.png", 50), ("logo@2x.png", 100) })
        {
            var png = package.Files[image.Item1];
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal(image.Item2, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(image.Item2, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }
    }

    [Fact]
    public void Write_HybridCard_PassJsonHasTheStoreCardFields()
    {
        var pass = PassPackage.Open(Write(HybridCard())).Pass;

        Assert.Equal(1, pass.GetProperty("formatVersion").GetInt32());
        Assert.Equal(TestPassCertificates.PassTypeIdentifier, pass.GetProperty("passTypeIdentifier").GetString());
        Assert.Equal("4000001234567899", pass.GetProperty("serialNumber").GetString());
        Assert.Equal(TestPassCertificates.TeamIdentifier, pass.GetProperty("teamIdentifier").GetString());
        Assert.Equal("token-0123456789abcdef", pass.GetProperty("authenticationToken").GetString());
        Assert.Equal("https://loyalty.example/api/wallet/apple", pass.GetProperty("webServiceURL").GetString());
        Assert.Equal("Loyalty Test", pass.GetProperty("organizationName").GetString());
        Assert.Equal("Fashion Hub: Fashion points", pass.GetProperty("description").GetString());
        Assert.Equal("Fashion Hub", pass.GetProperty("logoText").GetString());
        Assert.Equal("rgb(31, 64, 55)", pass.GetProperty("backgroundColor").GetString());
        Assert.False(pass.TryGetProperty("voided", out _));

        var barcode = Assert.Single(pass.GetProperty("barcodes").EnumerateArray());
        Assert.Equal("PKBarcodeFormatQR", barcode.GetProperty("format").GetString());
        Assert.Equal("4000001234567899", barcode.GetProperty("message").GetString());
        Assert.Equal("iso-8859-1", barcode.GetProperty("messageEncoding").GetString());
        Assert.Equal("4000 0012 3456 7899", barcode.GetProperty("altText").GetString());

        var card = pass.GetProperty("storeCard");
        Assert.Equal(["points:POINTS:1250:POINTS_CHANGED"], Fields(card, "primaryFields"));
        Assert.Equal(["stamps:STAMPS:3 / 8:STAMPS_CHANGED", "rewards:REWARDS:3:REWARDS_CHANGED", "tier:TIER:TIER_SILVER:"], Fields(card, "secondaryFields"));
        Assert.Equal(["next-reward:NEXT_REWARD:Bag (2000):"], Fields(card, "auxiliaryFields"));
        Assert.Equal(
            ["card-number:CARD_NUMBER:4000001234567899:", "terms:TERMS:Conditions applicables.:", "card-page:CARD_PAGE:https://loyalty.example/m/fashionhub/card/abc:"],
            Fields(card, "backFields"));
        Assert.Equal("<a href=\"https://loyalty.example/m/fashionhub/card/abc\">https://loyalty.example/m/fashionhub/card/abc</a>",
            card.GetProperty("backFields")[2].GetProperty("attributedValue").GetString());
    }

    [Fact]
    public void Write_StampsCardThatIsClosed_ShowsStampsInFrontAndIsVoided()
    {
        var program = HybridCard().Program with { Kind = ProgramKind.Stamps, Rewards = [] };
        var pass = PassPackage.Open(Write(HybridCard() with { Program = program, Active = false })).Pass;

        var card = pass.GetProperty("storeCard");
        Assert.Equal(["stamps:STAMPS:3 / 8:STAMPS_CHANGED"], Fields(card, "primaryFields"));
        Assert.Equal(["rewards:REWARDS:1:REWARDS_CHANGED"], Fields(card, "secondaryFields"));
        Assert.Equal(["next-reward:NEXT_REWARD:Coffee:"], Fields(card, "auxiliaryFields"));
        Assert.True(pass.GetProperty("voided").GetBoolean());
    }

    [Fact]
    public void Write_Strings_AreUtf16InFourLanguagesWithEveryLabelAndTier()
    {
        var package = PassPackage.Open(Write(HybridCard()));

        var expected = new Dictionary<string, (string Points, string Silver)>
        {
            ["en"] = ("Points", "Silver"), ["fr"] = ("Points", "Argent"), ["de"] = ("Punkte", "Silber"), ["lb"] = ("Punkten", "Sëlwer"),
        };
        foreach (var (language, (points, silver)) in expected)
        {
            var bytes = package.Files[$"{language}.lproj/pass.strings"];
            Assert.Equal(new byte[] { 0xFF, 0xFE }, bytes[..2]);
            var lines = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(15, lines.Length);
            Assert.Contains($"\"POINTS\" = \"{points}\";", lines);
            Assert.Contains($"\"TIER_SILVER\" = \"{silver}\";", lines);
            Assert.All(lines, line => Assert.Matches("^\"[A-Z_]+\" = \"[^\"]+\";$", line));
        }
    }

    [Fact]
    public void Write_Signature_IsDetachedPkcs7OverTheManifestWithSigningTimeAndBothCertificates()
    {
        var chain = TestPassCertificates.Files;
        var package = PassPackage.Open(Write(HybridCard()));

        var cms = new SignedCms(new ContentInfo(package.Files["manifest.json"]), detached: true);
        cms.Decode(package.Files["signature"]);
        using var root = chain.Root();
        using var wwdr = chain.Wwdr();
        cms.CheckSignature(new X509Certificate2Collection { wwdr }, verifySignatureOnly: true);

        var signer = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());
        Assert.Equal("CN=Pass Type ID: pass.lu.loyalty.test", signer.Certificate!.Subject.Split(", ").Where(p => p.StartsWith("CN=", StringComparison.Ordinal)).Select(p => "CN=" + p[3..]).Single());
        // A CMS certificate set is DER-sorted, not in the order added.
        Assert.Equal(new[] { signer.Certificate.Thumbprint, wwdr.Thumbprint }.Order(StringComparer.Ordinal), cms.Certificates.Select(c => c.Thumbprint).Order(StringComparer.Ordinal));
        var signingTime = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Single(a => a.Oid.Value == "1.2.840.113549.1.9.5").Values[0];
        Assert.Equal(SignedAt.UtcDateTime, new Pkcs9SigningTime(signingTime.RawData).SigningTime);

        // The signer's chain ends at the test root, through the intermediate carried in the signature.
        using var verify = new X509Chain();
        verify.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        verify.ChainPolicy.CustomTrustStore.Add(root);
        verify.ChainPolicy.ExtraStore.AddRange(cms.Certificates);
        verify.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(verify.Build(signer.Certificate), string.Join("; ", verify.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal([signer.Certificate.Thumbprint, wwdr.Thumbprint, root.Thumbprint], verify.ChainElements.Select(e => e.Certificate.Thumbprint));

        // An altered manifest no longer matches the signature.
        var altered = new SignedCms(new ContentInfo([.. package.Files["manifest.json"], (byte)' ']), detached: true);
        altered.Decode(package.Files["signature"]);
        Assert.Throws<CryptographicException>(() => altered.CheckSignature(new X509Certificate2Collection { wwdr }, verifySignatureOnly: true));
    }

    [Fact]
    public async Task Write_Signature_VerifiesWithOpenSsl()
    {
        var chain = TestPassCertificates.Files;
        var package = PassPackage.Open(Write(HybridCard()));
        var directory = Directory.CreateTempSubdirectory("loyalty-pkpass-").FullName;
        foreach (var name in new[] { "manifest.json", "signature" })
            await File.WriteAllBytesAsync(Path.Combine(directory, name), package.Files[name]);

        var (exit, output) = await OpenSslAsync(directory, "smime", "-verify", "-binary", "-inform", "DER", "-in", "signature", "-content", "manifest.json", "-CAfile", chain.RootPath, "-out", "verified.json");

        Assert.True(exit == 0, output);
        Assert.Contains("Verification successful", output, StringComparison.Ordinal);
        Assert.Equal(package.Files["manifest.json"], await File.ReadAllBytesAsync(Path.Combine(directory, "verified.json")));

        // The same check fails for a manifest that was changed after signing.
        await File.WriteAllTextAsync(Path.Combine(directory, "manifest.json"), "{}");
        var (alteredExit, alteredOutput) = await OpenSslAsync(directory, "smime", "-verify", "-binary", "-inform", "DER", "-in", "signature", "-content", "manifest.json", "-CAfile", chain.RootPath, "-out", "verified.json");
        Assert.NotEqual(0, alteredExit);
        Assert.Contains("verify", alteredOutput, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int Exit, string Output)> OpenSslAsync(string directory, params string[] arguments)
    {
        // OpenSSL is part of the machine's toolset here (/usr/bin/openssl): the test runs it rather than skipping.
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    internal static ApplePassCard HybridCard() => new(
        "4000001234567899", "Fashion Hub", "fashionhub", "fr", Stamps: 3, RewardsAvailable: 1, Points: 1250, Tier: "silver", Active: true, SignedAt,
        new ProgramDefinition
        {
            Id = Guid.NewGuid().ToString(),
            MerchantId = Guid.NewGuid().ToString(),
            Name = "Fashion points",
            Kind = ProgramKind.Hybrid,
            StampsRequired = 8,
            StampRewardName = "Coffee",
            PointsPerCurrencyUnit = 10,
            Currency = "EUR",
            Rewards = [new("r1", "Scarf", 500), new("r2", "Tote", 1200), new("r3", "Bag", 2000)],
            Terms = new LocalizedText(new Dictionary<string, string> { ["en"] = "Terms apply.", ["fr"] = "Conditions applicables." }),
        });

    private static byte[] Write(ApplePassCard card)
    {
        var options = Options.Create(Configured());
        using var certificates = new PassCertificates(options);
        var pass = ApplePassJson.Create(card, options.Value, "token-0123456789abcdef", new Uri("https://loyalty.example/api/wallet/apple"),
            new Uri("https://loyalty.example/m/fashionhub/card/abc"));
        return PkpassWriter.Write(pass, manifest => certificates.Sign(manifest, SignedAt));
    }

    internal static AppleWalletOptions Configured(TestPassCertificates.Chain? chain = null)
    {
        chain ??= TestPassCertificates.Files;
        return new AppleWalletOptions
        {
            PassTypeIdentifier = TestPassCertificates.PassTypeIdentifier,
            TeamIdentifier = TestPassCertificates.TeamIdentifier,
            CertificatePath = chain.PassPath,
            CertificatePassword = TestPassCertificates.Password,
            WwdrCertificatePath = chain.WwdrPath,
            OrganizationName = "Loyalty Test",
        };
    }

    private static List<string> Fields(JsonElement card, string name) =>
        [.. card.GetProperty(name).EnumerateArray().Select(f => string.Join(':',
            f.GetProperty("key").GetString(), f.GetProperty("label").GetString(),
            f.GetProperty("value").ValueKind == JsonValueKind.Number ? f.GetProperty("value").GetRawText() : f.GetProperty("value").GetString(),
            f.TryGetProperty("changeMessage", out var change) ? change.GetString() : ""))];
}
