using System.IO.Compression;
using System.Text.Json;

namespace Loyalty.Web.Tests.AppleWallet;

/// <summary>A .pkpass opened: its files by name, and pass.json parsed.</summary>
internal sealed record PassPackage(IReadOnlyDictionary<string, byte[]> Files)
{
    public JsonElement Pass => JsonDocument.Parse(Files["pass.json"]).RootElement.Clone();

    public JsonElement Manifest => JsonDocument.Parse(Files["manifest.json"]).RootElement.Clone();

    public static PassPackage Open(byte[] pkpass)
    {
        using var zip = new ZipArchive(new MemoryStream(pkpass), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            files.Add(entry.FullName, copy.ToArray());
        }

        return new PassPackage(files);
    }
}
