using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// Packs a pass: pass.json, the images, one pass.strings per language, manifest.json (each file's SHA-1, hex) and the
/// signature over the manifest, zipped as a .pkpass.
/// </summary>
public static class PkpassWriter
{
    public const string ContentType = "application/vnd.apple.pkpass";

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Apple's pass format names SHA-1 for manifest.json; the signature over the manifest uses SHA-256.")]
    public static byte[] Write(JsonObject pass, Func<byte[], byte[]> sign)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(sign);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["pass.json"] = JsonSerializer.SerializeToUtf8Bytes(pass),
        };
        foreach (var (name, png) in PassImages.All)
            files[name] = png;
        foreach (var language in PassStrings.Languages)
            files[$"{language}.lproj/pass.strings"] = PassStrings.File(language);

        var manifest = new JsonObject();
        foreach (var (name, bytes) in files)
            manifest[name] = Convert.ToHexStringLower(SHA1.HashData(bytes));
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest);
        files["manifest.json"] = manifestBytes;
        files["signature"] = sign(manifestBytes);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }

        return zip.ToArray();
    }
}
