using System.Net;
using System.Text.Json.Nodes;

namespace Loyalty.Wallet.Tests.Fakes;

/// <summary>A Wallet API request the fake received: when (by the test's manual clock), from which silo, and its answer.</summary>
public sealed record RecordedRequest(string Method, string Path, DateTimeOffset At, string? Silo, JsonObject? Body, HttpStatusCode Answer)
{
    public string? NotifyPreference => Body?["notifyPreference"]?.GetValue<string>();
}
