using Loyalty.Runtime.Core;
using Loyalty.Runtime.Reminders;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Tests.Reminders;

[Collection(ReminderDatabaseCollection.Name)]
public sealed class PostgresReminderTableTests(ReminderTestDatabase database)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly PostgresReminderTable _table = new(database.DataSource, Options.Create(new ReminderOptions { ServiceId = "table-" + Guid.NewGuid().ToString("N") }));

    [Fact]
    public async Task Upsert_NewReminder_RoundTrips()
    {
        var grain = GrainId.Create("card", "c1");
        var start = Start.AddTicks(1230);

        var created = await _table.UpsertAsync(grain, "expiry", start, TimeSpan.FromDays(90));

        var expected = new ReminderEntry(grain, "expiry", start, TimeSpan.FromDays(90), start, null, 1);
        Assert.Equal(expected, created);
        Assert.Equal(expected, await _table.ReadAsync(grain, "expiry"));
        Assert.Equal([expected], await _table.ReadAllAsync(grain));
        Assert.Null(await _table.ReadAsync(grain, "other"));
    }

    [Fact]
    public async Task Upsert_ExistingReminder_ResetsScheduleAndBumpsVersion()
    {
        var grain = GrainId.Create("card", "c1");
        await _table.UpsertAsync(grain, "expiry", Start, Minute);
        Assert.Equal(2, await _table.TryRecordTickAsync(grain, "expiry", 1, Start, Start.AddMinutes(1)));

        var replaced = await _table.UpsertAsync(grain, "expiry", Start.AddHours(1), TimeSpan.FromMinutes(5));

        Assert.Equal(new ReminderEntry(grain, "expiry", Start.AddHours(1), TimeSpan.FromMinutes(5), Start.AddHours(1), null, 3), replaced);
    }

    [Fact]
    public async Task TryRecordTick_CurrentVersion_StoresTickAndNextDue()
    {
        var grain = GrainId.Create("card", "c1");
        await _table.UpsertAsync(grain, "expiry", Start, Minute);

        var version = await _table.TryRecordTickAsync(grain, "expiry", 1, Start, Start.AddMinutes(1));

        Assert.Equal(2, version);
        Assert.Equal(new ReminderEntry(grain, "expiry", Start, Minute, Start.AddMinutes(1), Start, 2), await _table.ReadAsync(grain, "expiry"));
    }

    [Fact]
    public async Task TryRecordTick_StaleVersion_ReturnsNullAndKeepsTheRow()
    {
        var grain = GrainId.Create("card", "c1");
        await _table.UpsertAsync(grain, "expiry", Start, Minute);
        var replaced = await _table.UpsertAsync(grain, "expiry", Start.AddHours(1), Minute);

        var version = await _table.TryRecordTickAsync(grain, "expiry", 1, Start, Start.AddMinutes(1));

        Assert.Null(version);
        Assert.Equal(replaced, await _table.ReadAsync(grain, "expiry"));
        Assert.Null(await _table.TryRecordTickAsync(grain, "missing", 1, Start, Start.AddMinutes(1)));
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatReminder()
    {
        var grain = GrainId.Create("card", "c1");
        await _table.UpsertAsync(grain, "a", Start, Minute);
        var kept = await _table.UpsertAsync(grain, "b", Start, Minute);

        Assert.True(await _table.DeleteAsync(grain, "a"));
        Assert.False(await _table.DeleteAsync(grain, "a"));
        Assert.Equal([kept], await _table.ReadAllAsync(grain));
    }

    [Fact]
    public async Task ReadDue_ReturnsDueRemindersEarliestFirstUpToTheLimit()
    {
        var third = await _table.UpsertAsync(GrainId.Create("card", "c3"), "r", Start.AddMinutes(3), Minute);
        var first = await _table.UpsertAsync(GrainId.Create("card", "c1"), "r", Start.AddMinutes(1), Minute);
        var second = await _table.UpsertAsync(GrainId.Create("card", "c2"), "r", Start.AddMinutes(2), Minute);
        await _table.UpsertAsync(GrainId.Create("card", "c4"), "r", Start.AddMinutes(4), Minute);

        Assert.Equal([first, second, third], await _table.ReadDueAsync(Start.AddMinutes(3), 10));
        Assert.Equal([first, second], await _table.ReadDueAsync(Start.AddMinutes(3), 2));
        Assert.Empty(await _table.ReadDueAsync(Start, 10));
        Assert.Equal(Start.AddMinutes(1), await _table.ReadEarliestDueAsync());
    }

    [Fact]
    public async Task ReadDue_WithHashRange_ReturnsOnlyGrainsInTheRange()
    {
        var grain = GrainId.Create("card", "hashed");
        var entry = await _table.UpsertAsync(grain, "r", Start, Minute);
        var hash = grain.GetUniformHashCode();
        var containing = new GrainHashRange(hash - 1, hash);
        var excluding = new GrainHashRange(hash, hash + 1);
        var wrapping = new GrainHashRange(hash, hash - 1);

        Assert.Equal([entry], await _table.ReadDueAsync(Start, 10, containing));
        Assert.Empty(await _table.ReadDueAsync(Start, 10, excluding));
        Assert.Empty(await _table.ReadDueAsync(Start, 10, wrapping));
        Assert.Equal([entry], await _table.ReadDueAsync(Start, 10, new GrainHashRange(hash + 1, hash)));
        Assert.Equal(Start, await _table.ReadEarliestDueAsync(containing));
        Assert.Null(await _table.ReadEarliestDueAsync(excluding));
    }

    [Fact]
    public async Task ReadDue_WithSeveralRanges_ReturnsTheGrainsInAnyOfThem()
    {
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("card", i)).ToList();
        var entries = new List<ReminderEntry>();
        foreach (var grain in grains)
        {
            entries.Add(await _table.UpsertAsync(grain, "r", Start, Minute));
        }

        // Two silos' worth of ranges from a real ring: each reads exactly its own grains, together all of them.
        var first = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var second = Guid.Parse("00000000-0000-0000-0000-000000000002");
        var ring = Loyalty.Runtime.Placement.HashRing.Build([new(first, "one", "one:1"), new(second, "two", "two:1")]);

        var firstDue = await _table.ReadDueAsync(Start, 100, ring.RangesOf(first));
        var secondDue = await _table.ReadDueAsync(Start, 100, ring.RangesOf(second));

        Assert.Equal(entries.Where(e => ring.OwnerOf(e.GrainId)!.SiloId == first).Select(e => e.GrainId.ToString()).Order(), firstDue.Select(e => e.GrainId.ToString()).Order());
        Assert.Equal(entries.Where(e => ring.OwnerOf(e.GrainId)!.SiloId == second).Select(e => e.GrainId.ToString()).Order(), secondDue.Select(e => e.GrainId.ToString()).Order());
        Assert.Equal(grains.Count, firstDue.Count + secondDue.Count);
        Assert.NotEmpty(firstDue);
        Assert.NotEmpty(secondDue);
        Assert.Empty(await _table.ReadDueAsync(Start, 100, Array.Empty<GrainHashRange>()));
        Assert.Null(await _table.ReadEarliestDueAsync(Array.Empty<GrainHashRange>()));
        Assert.Equal(Start, await _table.ReadEarliestDueAsync(ring.RangesOf(first)));
    }

    [Fact]
    public async Task ReadEarliestDue_EmptyTable_IsNull() => Assert.Null(await _table.ReadEarliestDueAsync());
}
