using System.Net;

namespace Loyalty.Wallet.Api;

/// <summary>What the Wallet API answered: its status and body (Google's error JSON on failures).</summary>
public sealed record WalletApiResult(HttpStatusCode Status, string Body)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>A short, loggable account of a failure: the status and the start of Google's message.</summary>
    public string Describe() => $"HTTP {(int)Status} {Status}: {(Body.Length > 300 ? Body[..300] : Body)}".TrimEnd(' ', ':');
}
