using Loyalty.Runtime.Core;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Tests.Reminders;

[Collection(ReminderDatabaseCollection.Name)]
public sealed class ReminderRegistryTests(ReminderTestDatabase database) : IAsyncDisposable
{
    private static readonly GrainId Grain = GrainId.Create("card", "c1");
    private readonly ReminderHarness _harness = new(database, options => options.MinimumPeriod = TimeSpan.FromSeconds(30));

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task RegisterOrUpdate_StartsAfterTheDueTimeOnTheInjectedClock()
    {
        var now = _harness.Now;

        var entry = await _harness.Registry.RegisterOrUpdateAsync(Grain, "expiry", TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

        var expected = new ReminderEntry(Grain, "expiry", now.AddMinutes(5), TimeSpan.FromHours(1), now.AddMinutes(5), null, 1);
        Assert.Equal(expected, entry);
        Assert.Equal(expected, await _harness.Registry.GetAsync(Grain, "expiry"));
        Assert.Equal([expected], await _harness.Registry.GetAllAsync(Grain));
    }

    [Fact]
    public async Task RegisterOrUpdate_SignalsTheService()
    {
        var signal = _harness.WakeSignal.Next;

        await _harness.Registry.RegisterOrUpdateAsync(Grain, "expiry", TimeSpan.Zero, TimeSpan.FromMinutes(1));

        Assert.True(signal.IsCompleted);
    }

    [Theory]
    [InlineData(29_999)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task RegisterOrUpdate_PeriodBelowTheMinimum_Throws(int periodMs)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _harness.Registry.RegisterOrUpdateAsync(Grain, "expiry", TimeSpan.Zero, TimeSpan.FromMilliseconds(periodMs)));

        Assert.Equal("period", error.ParamName);
        Assert.Contains("at least the minimum period 00:00:30", error.Message, StringComparison.Ordinal);
        Assert.Null(await _harness.Registry.GetAsync(Grain, "expiry"));
    }

    [Fact]
    public async Task RegisterOrUpdate_InfinitePeriod_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _harness.Registry.RegisterOrUpdateAsync(Grain, "expiry", TimeSpan.Zero, Timeout.InfiniteTimeSpan));

    [Fact]
    public async Task RegisterOrUpdate_NegativeDueTime_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _harness.Registry.RegisterOrUpdateAsync(Grain, "expiry", TimeSpan.FromTicks(-1), TimeSpan.FromMinutes(1)));

        Assert.Equal("dueTime", error.ParamName);
    }

    [Fact]
    public async Task RegisterOrUpdate_NameOf150Characters_IsAccepted()
    {
        var name = new string('n', 150);

        var entry = await _harness.Registry.RegisterOrUpdateAsync(Grain, name, TimeSpan.Zero, TimeSpan.FromMinutes(1));

        Assert.Equal(name, entry.Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(151)]
    public async Task RegisterOrUpdate_NameOutsideOneTo150Characters_Throws(int length)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => _harness.Registry.RegisterOrUpdateAsync(Grain, new string('n', length), TimeSpan.Zero, TimeSpan.FromMinutes(1)));

        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public async Task RegisterOrUpdate_DefaultGrainId_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(
            () => _harness.Registry.RegisterOrUpdateAsync(default, "expiry", TimeSpan.Zero, TimeSpan.FromMinutes(1)));

    [Fact]
    public async Task RegisterOrUpdate_SubMillisecondPeriod_IsStoredInWholeMilliseconds()
    {
        var entry = await _harness.Registry.RegisterOrUpdateAsync(Grain, "expiry", TimeSpan.Zero, TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(9_999));

        Assert.Equal(TimeSpan.FromMinutes(1), entry.Period);
    }

    [Fact]
    public async Task Unregister_RemovesTheReminderAndIgnoresMissingOnes()
    {
        await _harness.Registry.RegisterOrUpdateAsync(Grain, "expiry", TimeSpan.Zero, TimeSpan.FromMinutes(1));

        await _harness.Registry.UnregisterAsync(Grain, "expiry");
        await _harness.Registry.UnregisterAsync(Grain, "expiry");

        Assert.Null(await _harness.Registry.GetAsync(Grain, "expiry"));
    }
}
