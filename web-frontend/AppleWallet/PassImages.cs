using System.Buffers.Binary;
using System.IO.Compression;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// The pass's images, drawn here (no artwork copied from anywhere): the icon (a white stamp ring on the pass colour,
/// shown on the lock screen and in notifications) and the logo (the same ring, top left of the pass, beside the
/// logo text). PNG, RGBA, drawn once per size.
/// </summary>
public static class PassImages
{
    /// <summary>The pass's background colour (also pass.json's backgroundColor).</summary>
    public static readonly (byte R, byte G, byte B) Background = (31, 64, 55);

    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Files = new(() => new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["icon.png"] = Icon(29),
        ["icon@2x.png"] = Icon(58),
        ["icon@3x.png"] = Icon(87),
        ["logo.png"] = Logo(50),
        ["logo@2x.png"] = Logo(100),
    });

    /// <summary>File name in the pass → PNG bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> All => Files.Value;

    private static byte[] Icon(int size) => Draw(size, size, (x, y) =>
    {
        var ring = Ring(x, y, size / 2.0, size / 2.0, size * 0.30, size * 0.08);
        return Blend(Background, (255, 255, 255), ring, 255);
    });

    // A ring on a transparent background, as tall as the logo area; the logo text follows it.
    private static byte[] Logo(int height) => Draw(height, height, (x, y) =>
    {
        var ring = Ring(x, y, height / 2.0, height / 2.0, height * 0.34, height * 0.09);
        var dot = Math.Clamp((height * 0.12) - Distance(x, y, height / 2.0, height / 2.0) + 0.5, 0, 1);
        var alpha = Math.Max(ring, dot);
        return (255, 255, 255, (byte)Math.Round(alpha * 255));
    });

    // Coverage (0 to 1) of pixel (x, y) by a ring of radius r and half-width w around (cx, cy), anti-aliased.
    private static double Ring(int x, int y, double cx, double cy, double r, double w) =>
        Math.Clamp(w - Math.Abs(Distance(x, y, cx, cy) - r) + 0.5, 0, 1);

    private static double Distance(int x, int y, double cx, double cy) => Math.Sqrt(Math.Pow(x + 0.5 - cx, 2) + Math.Pow(y + 0.5 - cy, 2));

    private static (byte, byte, byte, byte) Blend((byte R, byte G, byte B) under, (byte R, byte G, byte B) over, double amount, byte alpha) => (
        (byte)Math.Round(under.R + ((over.R - under.R) * amount)),
        (byte)Math.Round(under.G + ((over.G - under.G) * amount)),
        (byte)Math.Round(under.B + ((over.B - under.B) * amount)),
        alpha);

    private static byte[] Draw(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel)
    {
        // Each row: filter type 0 (none), then RGBA per pixel.
        var raw = new byte[height * ((width * 4) + 1)];
        var i = 0;
        for (var y = 0; y < height; y++)
        {
            raw[i++] = 0;
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                raw[i++] = r;
                raw[i++] = g;
                raw[i++] = b;
                raw[i++] = a;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
                zlib.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }
}
