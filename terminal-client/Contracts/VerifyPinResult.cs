namespace Loyalty.TerminalClient.Contracts;

/// <summary>Answer of a successful <c>POST /staff/{pinId}/verify</c> (a wrong or locked PIN is a <see cref="TerminalApiException"/>).</summary>
/// <param name="Valid">Always <see langword="true"/> in a 200 answer.</param>
public sealed record VerifyPinResult(bool Valid);
