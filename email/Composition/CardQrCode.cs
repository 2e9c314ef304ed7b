using QRCoder;

namespace Loyalty.Email.Composition;

/// <summary>The card's QR code as a PNG: the card number, exactly what terminals scan.</summary>
public static class CardQrCode
{
    private const int PixelsPerModule = 8;

    public static byte[] Png(string cardNumber)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(cardNumber, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(PixelsPerModule);
    }
}
