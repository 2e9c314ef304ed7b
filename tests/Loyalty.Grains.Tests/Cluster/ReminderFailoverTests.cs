using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Tests.Cards;
using Loyalty.Testing;
using Xunit.Abstractions;

namespace Loyalty.Grains.Tests.Cluster;

/// <summary>A card's point-expiry reminder outlives the silo that held it.</summary>
public sealed class ReminderFailoverTests(ManualClockCrashCluster cluster, ITestOutputHelper output) : IClassFixture<ManualClockCrashCluster>
{
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ReceiveReminder_SiloHoldingTheReminderKilled_TicksOnASurvivor()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync(expiry: PointExpiryPolicy.AfterEarning(30), welcomeBonus: 0);

        // A card whose reminder a secondary silo holds (the primary is the test cluster's first silo).
        var (card, reminder, owner) = await CardWithReminderOnASecondaryAsync(merchantId, program);
        using var watch = reminder;
        var victim = cluster.Silos.Single(s => s.SiloAddress.Equals(owner));
        var mark = watch.Count;
        await cluster.KillSiloAsync(victim);

        // Once the cluster declares the silo dead, a survivor takes its share of the reminders and arms this one.
        var takenOver = await watch.SleepingAsync(mark, on: silo => !silo.Equals(owner), Takeover);
        var survivors = cluster.Silos.Select(s => s.SiloAddress).ToList();
        Assert.Contains(takenOver.SiloAddress, survivors);

        // Fourteen days before the points expire, the survivor's tick sends the notice; at thirty days, the expiry.
        var beforeNotice = watch.Count;
        cluster.Time.Advance(TimeSpan.FromDays(20));
        var notice = await watch.TickedAsync(beforeNotice, on: silo => !silo.Equals(owner));
        await Eventually.TrueAsync(
            async () => await cluster.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'points-expiring'", card.CardNumber) == 1,
            "the expiry notice went out");
        await watch.SleepingAsync(beforeNotice, on: silo => !silo.Equals(owner));
        var beforeExpiry = watch.Count;
        cluster.Time.Advance(TimeSpan.FromDays(10));
        var expiry = await watch.TickedAsync(beforeExpiry, on: silo => !silo.Equals(owner));
        await Eventually.TrueAsync(async () => (await cluster.Grains.GetGrain<ICardGrain>(card.CardNumber).GetAsync())!.Points == 0, "the points expired");

        output.WriteLine($"killed {owner}; survivors {string.Join(", ", survivors)}");
        foreach (var e in watch.Events)
        {
            output.WriteLine($"{e.GetType().Name} on {e.SiloAddress}");
        }

        Assert.Contains(notice.SiloAddress, survivors);
        Assert.Contains(expiry.SiloAddress, survivors);
        Assert.Equal(1, await cluster.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'expiry' AND points_delta = -100", card.CardNumber));
        Assert.Equal(1, await cluster.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'points-expired'", card.CardNumber));
        Assert.Equal(1, await cluster.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'points-expiring' AND (payload->>'points')::bigint = 100", card.CardNumber));
    }

    private async Task<(CardView Card, ReminderWatch Reminder, Orleans.Runtime.SiloAddress Owner)> CardWithReminderOnASecondaryAsync(Guid merchantId, ProgramDefinition program)
    {
        var primary = cluster.Silos[0].SiloAddress;
        for (var attempt = 0; ; attempt++)
        {
            var card = await cluster.Grains.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
            var grain = cluster.Grains.GetGrain<ICardGrain>(card.CardNumber);
            var reminder = new ReminderWatch(grain.GetGrainId(), CardGrain.ExpiryReminder);
            var earned = await grain.ApplyAsync(new CardCommand(CardCommandKind.Points, TestCatalog.Origin(merchantId, $"{card.CardNumber}-earn"), PurchaseAmountMinor: 1000, Currency: "EUR"));
            Assert.Equal((CardOutcomeStatus.Applied, 100L), (earned.Status, earned.Balance!.Points));
            var owner = (await reminder.SleepingAsync()).SiloAddress ?? throw new InvalidOperationException("A reminder event without its silo.");
            if (!owner.Equals(primary) || attempt == 20)
            {
                return (card, reminder, owner);
            }

            reminder.Dispose();
        }
    }
}
