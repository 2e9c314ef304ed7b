using QRCoder;

namespace Loyalty.Web.Pairing;

/// <summary>PNG QR codes for text that terminals scan (pairing codes).</summary>
internal static class QrCodes
{
    private const int PixelsPerModule = 10;

    public static string PngBase64(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return Convert.ToBase64String(png.GetGraphic(PixelsPerModule));
    }
}
