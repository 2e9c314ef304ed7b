using System.Text.Json;
using Loyalty.Grains.Pins;

namespace Loyalty.Grains.Tests.Pins;

public sealed class PinAttemptStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 16, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecordFailure_FiveTimes_LocksForFifteenMinutes()
    {
        var state = new PinAttemptState();
        for (var i = 0; i < 4; i++)
            state = state.RecordFailure(Now.AddSeconds(i));
        Assert.False(state.IsLocked(Now.AddSeconds(4)));
        Assert.Equal(1, state.AttemptsRemaining(Now.AddSeconds(4)));

        state = state.RecordFailure(Now.AddSeconds(4));

        Assert.True(state.IsLocked(Now.AddSeconds(4)));
        Assert.Equal(Now.AddSeconds(4).AddMinutes(15), state.LockedUntil);
        Assert.Equal(0, state.AttemptsRemaining(Now.AddSeconds(5)));
    }

    [Fact]
    public void ConsecutiveFailuresAt_DuringAndAfterTheLock_CountsOnlyTheCurrentSeries()
    {
        var failing = FailTimes(new PinAttemptState(), 3, Now);
        var locked = FailTimes(new PinAttemptState(), 5, Now);

        Assert.Equal(3, failing.ConsecutiveFailuresAt(Now.AddHours(1)));
        Assert.Equal(5, locked.ConsecutiveFailuresAt(Now.AddMinutes(15).AddTicks(-1)));
        Assert.Equal(0, locked.ConsecutiveFailuresAt(Now.AddMinutes(15)));
        Assert.Equal(0, locked.RecordSuccess().ConsecutiveFailuresAt(Now));
    }

    [Fact]
    public void IsLocked_ExactlyFifteenMinutesLater_Unlocked()
    {
        var state = FailTimes(new PinAttemptState(), 5, Now);

        Assert.True(state.IsLocked(Now.AddMinutes(15).AddTicks(-1)));
        Assert.False(state.IsLocked(Now.AddMinutes(15)));
        Assert.Equal(5, state.AttemptsRemaining(Now.AddMinutes(15)));
    }

    [Fact]
    public void RecordFailure_AfterLockPassed_StartsNewSeries()
    {
        var state = FailTimes(new PinAttemptState(), 5, Now);

        state = state.RecordFailure(Now.AddMinutes(16));

        Assert.False(state.IsLocked(Now.AddMinutes(16)));
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Equal(4, state.AttemptsRemaining(Now.AddMinutes(16)));
    }

    [Fact]
    public void RecordFailures_OfflineFailures_CountTowardSameLockout()
    {
        var state = new PinAttemptState().RecordFailure(Now);

        state = state.RecordFailures(4, lastAttemptAt: Now.AddMinutes(-30), now: Now.AddMinutes(1));

        Assert.True(state.IsLocked(Now.AddMinutes(1)));
        Assert.Equal(Now.AddMinutes(16), state.LockedUntil);
        Assert.Equal(Now, state.LastFailureAt);
    }

    [Fact]
    public void RecordFailures_TooFewForLock_LeavesAttempts()
    {
        var state = new PinAttemptState().RecordFailures(3, Now.AddMinutes(-1), Now);

        Assert.False(state.IsLocked(Now));
        Assert.Equal(2, state.AttemptsRemaining(Now));
        Assert.Equal(Now.AddMinutes(-1), state.LastFailureAt);
    }

    [Fact]
    public void RecordFailure_WhileLocked_DoesNotExtendLock()
    {
        var state = FailTimes(new PinAttemptState(), 5, Now);

        var later = state.RecordFailure(Now.AddMinutes(5)).RecordFailures(10, Now.AddMinutes(6), Now.AddMinutes(6));

        Assert.Equal(Now.AddMinutes(15), later.LockedUntil);
    }

    [Fact]
    public void RecordSuccess_AfterFailures_ResetsCount()
    {
        var state = FailTimes(new PinAttemptState(), 4, Now).RecordSuccess();

        Assert.Equal(5, state.AttemptsRemaining(Now));
        Assert.False(FailTimes(state, 4, Now).IsLocked(Now));
    }

    [Fact]
    public void RecordFailure_CustomPolicy_UsesIt()
    {
        var state = new PinAttemptState { Policy = new PinLockoutPolicy(3, TimeSpan.FromMinutes(60)) };

        state = FailTimes(state, 3, Now);

        Assert.Equal(Now.AddHours(1), state.LockedUntil);
    }

    [Fact]
    public void Serialize_LockedState_RoundTrips()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var state = FailTimes(new PinAttemptState(), 5, Now);

        var restored = JsonSerializer.Deserialize<PinAttemptState>(JsonSerializer.Serialize(state, web), web);

        Assert.Equal(state, restored);
    }

    [Fact]
    public void Validate_BadPolicy_ReportsFields()
    {
        var errors = new PinLockoutPolicy(0, TimeSpan.Zero).Validate().ToDictionary();

        Assert.Equal(["lockDuration", "maxConsecutiveFailures"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.True(PinLockoutPolicy.Default.Validate().IsEmpty);
    }

    private static PinAttemptState FailTimes(PinAttemptState state, int times, DateTimeOffset at)
    {
        for (var i = 0; i < times; i++)
            state = state.RecordFailure(at);
        return state;
    }
}
