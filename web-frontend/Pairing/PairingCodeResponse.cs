namespace Loyalty.Web.Pairing;

/// <summary>Answer of admin <c>POST /stores/{storeId}/pairing-codes</c>: the code, its expiry, and a PNG QR code of it.</summary>
public sealed record PairingCodeResponse(string Code, DateTimeOffset ExpiresAt, string QrPngBase64);
