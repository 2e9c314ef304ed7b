namespace Loyalty.Web.AppleWallet;

/// <summary>Error messages a device reports about the web service.</summary>
public sealed record LogRequest(IReadOnlyList<string?>? Logs);
