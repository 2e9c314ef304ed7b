using System.Net;
using Loyalty.Wallet.Passes;
using Loyalty.Wallet.Rate;
using Loyalty.Wallet.Resync;
using Loyalty.Wallet.Tests.Fakes;
using Loyalty.Wallet.Tests.Fixtures;

namespace Loyalty.Wallet.Tests.Rate;

/// <summary>The cluster's budget of 20 Wallet requests a second, counted by the fake server on the manual clock.</summary>
[Collection(WalletClusterCollection.Name)]
public sealed class RateLimitTests(WalletCluster cluster)
{
    private const int Cards = 45;

    [Fact]
    public async Task Resync_BurstOnTwoSilos_NeverMoreThan20RequestsInAnySecond()
    {
        var google = cluster.Google;
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync();
        var cards = new List<string>();
        for (var i = 0; i < Cards; i++)
        {
            var card = await cluster.Grains.EnrollAsync(merchantId, program);
            Assert.NotNull(await cluster.PumpAsync(cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber).GetSaveLinkAsync()));
            cards.Add(card.CardNumber);
        }

        var mark = google.Requests.Count;
        var grantedBefore = cluster.Silos.Select(s => WalletCluster.On<GoogleWalletRateLimiter>(s).Granted).ToList();

        // Every card stamped at once, half through each silo: 45 updates want to leave together.
        await Task.WhenAll(cards.Select((card, i) => LoyaltyCallers(i).StampAsync(merchantId, card)));

        // The clock moves 50 ms only once every update is either answered or waiting for its permit.
        await Eventually(() =>
        {
            var received = google.Requests.Count - mark;
            if (received == Cards)
            {
                return true;
            }

            if (received + cluster.WaitingForPermits == Cards)
            {
                cluster.Time.Advance(TimeSpan.FromMilliseconds(50));
            }

            return false;
        });

        var updates = google.Requests.Skip(mark).ToList();
        Assert.Equal(Cards, updates.Count);
        Assert.All(updates, r => Assert.Equal(("PUT", HttpStatusCode.OK), (r.Method, r.Answer)));
        var busiest = updates.Max(first => updates.Count(r => r.At >= first.At && r.At < first.At + TimeSpan.FromSeconds(1)));
        Assert.Equal(20, busiest);
        var span = updates.Max(r => r.At) - updates.Min(r => r.At);
        Assert.True(span >= TimeSpan.FromMilliseconds(50 * (Cards - 1)), $"45 requests spaced 50 ms apart take at least 2.2 s; these took {span}");

        // Both silos sent updates, each under permits of the one budget.
        var granted = cluster.Silos.Select((s, i) => WalletCluster.On<GoogleWalletRateLimiter>(s).Granted - grantedBefore[i]).ToList();
        Assert.Equal(Cards, granted.Sum());
        Assert.All(granted, g => Assert.True(g > 0, $"each silo sent some of the updates ({string.Join(", ", granted)})"));
        Assert.Equal(2, updates.Select(r => r.Silo).Distinct().Count());
        foreach (var card in cards)
        {
            Assert.Equal(1, WalletAssertions.Stamps(google.Object(WalletIds.Object(FakeGoogleWallet.IssuerId, card))!));
        }

        Assert.Empty(google.Violations);
    }

    private IGrainFactory LoyaltyCallers(int i) => Testing.LoyaltyTestCluster.GrainsOn(cluster.Silos[i % cluster.Silos.Count]);

    private static Task Eventually(Func<bool> condition) => Testing.Eventually.TrueAsync(condition, "every update was sent", TimeSpan.FromSeconds(120));
}
