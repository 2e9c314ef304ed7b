namespace Loyalty.Web.Storefront;

/// <summary>
/// The card itself on the card page (partial <c>_CardFace</c>): merchant, program, QR code and number.
/// <see cref="IsPage"/> makes the program name the page's heading; the admin preview shows the card inside its own page.
/// <see cref="CardPagePath"/> (the card page's own path) adds the wallet buttons that are configured; the preview has none.
/// </summary>
public sealed record CardFaceView(
    string MerchantName, string ProgramName, string CardNumberGroups, string QrCodePng, bool IsPage,
    string? CardPagePath = null, string? GoogleWalletHref = null);
