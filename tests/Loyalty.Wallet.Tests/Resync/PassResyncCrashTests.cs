using System.Net;
using Loyalty.Testing;
using Loyalty.Wallet.Passes;
using Loyalty.Wallet.Resync;
using Loyalty.Wallet.Tests.Fakes;
using Loyalty.Wallet.Tests.Fixtures;

namespace Loyalty.Wallet.Tests.Resync;

/// <summary>Three silos on the manual clock, for a test that kills the one running a resync.</summary>
public sealed class WalletCrashCluster() : WalletCluster(3, "wallet_crash", Start());

/// <summary>A pass whose silo dies in the middle of its update is brought up to date by a survivor, through its reminder.</summary>
public sealed class PassResyncCrashTests(WalletCrashCluster cluster) : IClassFixture<WalletCrashCluster>
{
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Resync_SiloKilledMidRequest_ConvergesOnASurvivor()
    {
        var google = cluster.Google;
        var primary = cluster.Silos[0].SiloAddress.ToString();

        // A saved card whose pass is active on a secondary silo (the in-process cluster's membership lives on the primary).
        Guid merchantId;
        string cardNumber, objectId, owner;
        while (true)
        {
            var (merchant, program) = await cluster.Grains.CreateProgramAsync();
            var card = await cluster.Grains.EnrollAsync(merchant, program);
            var id = WalletIds.Object(FakeGoogleWallet.IssuerId, card.CardNumber);
            var mark = google.Requests.Count;
            Assert.NotNull(await cluster.PumpAsync(cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber).GetSaveLinkAsync()));
            var silo = google.About(id, mark)[^1].Silo!;
            if (silo != primary)
            {
                (merchantId, cardNumber, objectId, owner) = (merchant, card.CardNumber, id, silo);
                break;
            }
        }

        using var reminder = new ReminderWatch(cluster.Grains.GetGrain<IGoogleWalletPassGrain>(cardNumber).GetGrainId(), GoogleWalletPassGrain.ReminderName);
        google.Hold(objectId);
        var before = google.Requests.Count;
        await cluster.Grains.StampAsync(merchantId, cardNumber);
        await cluster.UntilAsync(() => google.Held == 1, "the update reached Google and hangs there");

        // The pass is pending in the database and its reminder is registered before the request left.
        Assert.Equal(1, await cluster.ScalarAsync("SELECT count(*) FROM google_wallet_passes WHERE card_number = $1 AND pending", cardNumber));
        Assert.Equal(1, await cluster.ScalarAsync("SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = $1 AND GrainId LIKE $2", GoogleWalletPassGrain.ReminderName, $"%{cardNumber}%"));

        var victim = cluster.Silos.Single(s => s.SiloAddress.ToString() == owner);
        await cluster.KillSiloAsync(victim);

        // Its request dies with it: Google never applies it.
        google.Release(objectId, apply: false);
        await cluster.WaitForMembershipAsync();

        // A survivor takes over the reminder; its next tick activates the pass there, which sends the update again.
        await reminder.SleepingAsync(0, on: silo => silo.ToString() != owner, Takeover);
        cluster.Time.Advance(WalletCluster.ReminderPeriod);
        await cluster.UntilAsync(() => google.Object(objectId) is { } o && WalletAssertions.Stamps(o) == 1, "a survivor brought the object up to date", Takeover);

        var applied = google.About(objectId, before).Where(r => r.Answer == HttpStatusCode.OK).ToList();
        Assert.NotEmpty(applied);
        Assert.All(applied, r => Assert.NotEqual(owner, r.Silo));
        await cluster.UntilAsync(
            async () => await cluster.ScalarAsync("SELECT count(*) FROM google_wallet_passes WHERE card_number = $1 AND NOT pending AND last_error IS NULL", cardNumber) == 1,
            "the pass is in step");
        Assert.Empty(google.Violations);
    }
}
