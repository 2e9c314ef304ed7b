namespace Loyalty.TerminalClient.Contracts;

/// <summary>Body of <c>POST /pair</c>.</summary>
/// <param name="Code">The pairing code from the admin API or pages (manual entry or its QR code).</param>
/// <param name="DeviceName">A name for this tablet, shown to admins.</param>
public sealed record PairRequest(string Code, string DeviceName);
