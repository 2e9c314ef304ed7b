namespace Loyalty.Web.Storefront;

/// <summary>
/// The card itself on the card page (partial <c>_CardFace</c>): merchant, program, QR code and number.
/// <see cref="IsPage"/> makes the program name the page's heading; the admin preview shows the card inside its own page.
/// </summary>
public sealed record CardFaceView(string MerchantName, string ProgramName, string CardNumberGroups, string QrCodePng, bool IsPage);
