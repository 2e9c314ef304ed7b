using System.Buffers.Binary;
using System.IO.Compression;

namespace Loyalty.Email.Tests.Dispatch;

/// <summary>Decodes a PNG far enough to prove it is one: signature, header, and image data that inflates to every row.</summary>
internal static class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Width and height of a well-formed PNG; throws when the bytes are not one.</summary>
    public static (int Width, int Height) Decode(byte[] png)
    {
        Assert.Equal(Signature, png[..8]);
        var position = 8;
        int width = 0, height = 0, bitsPerPixel = 0;
        using var data = new MemoryStream();
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            var chunk = png.AsSpan(position + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(chunk);
                height = BinaryPrimitives.ReadInt32BigEndian(chunk[4..]);
                var channels = chunk[9] switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException("colour type") };
                bitsPerPixel = chunk[8] * channels;
            }
            else if (type == "IDAT")
            {
                data.Write(chunk);
            }

            position += 12 + length;
        }

        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        // Each row: one filter byte, then the row's pixels.
        Assert.Equal(height * (1 + (((width * bitsPerPixel) + 7) / 8)), inflated.Length);
        return (width, height);
    }
}
