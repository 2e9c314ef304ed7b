using System.Text.Json.Nodes;
using Loyalty.Wallet.Tests.Fakes;

namespace Loyalty.Wallet.Tests.Fixtures;

/// <summary>Reading what the fake holds: balances, and the object requests a test caused.</summary>
internal static class WalletAssertions
{
    public static int Stamps(JsonObject loyaltyObject) => loyaltyObject["secondaryLoyaltyPoints"]!["balance"]!["int"]!.GetValue<int>();

    public static long Points(JsonObject loyaltyObject) => loyaltyObject["loyaltyPoints"]!["balance"]!["int"]!.GetValue<long>();

    /// <summary>The requests about object <paramref name="objectId"/> after the first <paramref name="mark"/> requests.</summary>
    public static List<RecordedRequest> About(this FakeGoogleWallet fake, string objectId, int mark = 0) =>
        [.. fake.Requests.Skip(mark).Where(r => r.Path.StartsWith("loyaltyObject", StringComparison.Ordinal)
            && (r.Path == $"loyaltyObject/{Uri.EscapeDataString(objectId)}" || r.Body?["id"]?.GetValue<string>() == objectId))];
}
