using Loyalty.Database.Tests.Fixtures;
using Loyalty.Database.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Database.Tests.Orleans;

/// <summary>Orleans' AdoNetReminderTable against our OrleansRemindersTable and queries.</summary>
public sealed class ReminderTests(DatabaseClusterFixture fixture) : IClassFixture<DatabaseClusterFixture>
{
    [Fact]
    public async Task RegisterOrUpdateReminder_OneSecondPeriod_IsStoredFiresAndUnregisters()
    {
        var grain = fixture.GrainFactory.GetGrain<IReminderProbeGrain>($"probe-{Guid.NewGuid():N}");

        await grain.StartAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([$"{ReminderProbeGrain.ReminderName} 1000"], await StoredAsync(grain.GetGrainId()));
        await Eventually.TrueAsync(async () => await grain.TicksAsync() >= 2, "the reminder fired twice", TimeSpan.FromSeconds(30));
        await grain.StopAsync();
        Assert.False(await grain.IsRegisteredAsync());
        Assert.Empty(await StoredAsync(grain.GetGrainId()));
    }

    [Fact]
    public async Task RemoveRow_ETagOfAnEarlierUpsert_RemovesNothing()
    {
        var table = Table();
        var entry = NewEntry(GrainId.Create("reminder-test", Guid.NewGuid().ToString("N")));
        var first = await table.UpsertRow(entry);
        entry.Period = TimeSpan.FromMinutes(2);
        var second = await table.UpsertRow(entry);

        Assert.False(await table.RemoveRow(entry.GrainId, entry.ReminderName, first!));

        var stored = await table.ReadRow(entry.GrainId, entry.ReminderName);
        Assert.Equal((second, TimeSpan.FromMinutes(2), entry.StartAt), (stored!.ETag, stored.Period, stored.StartAt));
        Assert.True(await table.RemoveRow(entry.GrainId, entry.ReminderName, second!));
        Assert.Null(await table.ReadRow(entry.GrainId, entry.ReminderName));
    }

    [Fact]
    public async Task RemoveRow_ReminderRegisteredAgainAfterRemoval_OldETagCannotRemoveTheNewOne()
    {
        var table = Table();
        var entry = NewEntry(GrainId.Create("reminder-test", Guid.NewGuid().ToString("N")));
        var removed = await table.UpsertRow(entry);
        Assert.True(await table.RemoveRow(entry.GrainId, entry.ReminderName, removed!));

        var registeredAgain = await table.UpsertRow(entry);

        Assert.NotEqual(removed, registeredAgain);
        Assert.False(await table.RemoveRow(entry.GrainId, entry.ReminderName, removed!));
        Assert.Equal(registeredAgain, (await table.ReadRows(entry.GrainId)).Reminders.Single().ETag);
    }

    [Fact]
    public async Task ReadRows_HashRanges_SelectTheGrainsWhoseHashIsInTheRangeExcludingItsStart()
    {
        var table = Table();
        var prefix = Guid.NewGuid().ToString("N");
        var grains = Enumerable.Range(0, 3).Select(i => GrainId.Create("reminder-test", $"{prefix}-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(NewEntry(grain));
        }

        foreach (var grain in grains)
        {
            var hash = grain.GetUniformHashCode();

            // (hash - 1, hash] and (hash, hash + 1] do not wrap (ReadRangeRows1Key); (hash, hash - 1] is the whole
            // ring but the one hash, which wraps (ReadRangeRows2Key).
            Assert.Equal([grain], await OursInRangeAsync(table, grains, unchecked(hash - 1), hash));
            Assert.Empty(await OursInRangeAsync(table, grains, hash, unchecked(hash + 1)));
            Assert.Equal(grains.Where(other => other != grain).Order(), (await OursInRangeAsync(table, grains, hash, unchecked(hash - 1))).Order());
        }
    }

    private static ReminderEntry NewEntry(GrainId grainId) => new()
    {
        GrainId = grainId,
        ReminderName = "contract",
        StartAt = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(1),
    };

    private static async Task<List<GrainId>> OursInRangeAsync(IReminderTable table, List<GrainId> ours, uint begin, uint end) =>
        [.. (await table.ReadRows(begin, end)).Reminders.Select(reminder => reminder.GrainId).Where(ours.Contains)];

    private IReminderTable Table() => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();

    private Task<List<string>> StoredAsync(GrainId grainId) =>
        Sql.QueryAsync(
            fixture.ConnectionString,
            "SELECT ReminderName || ' ' || Period FROM OrleansRemindersTable WHERE GrainId = $1",
            r => r.GetString(0),
            grainId.ToString());
}
