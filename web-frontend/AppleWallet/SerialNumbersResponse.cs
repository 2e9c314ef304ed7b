namespace Loyalty.Web.AppleWallet;

/// <summary>The device's passes that changed, and the tag to ask with next time (microseconds since 1970, as text).</summary>
public sealed record SerialNumbersResponse(IReadOnlyList<string> SerialNumbers, string LastUpdated);
