
namespace Loyalty.Testing;

/// <summary>
/// The time the application reads (<see cref="GetUtcNow"/>) from a test's <see cref="ManualTimeProvider"/>, while timers
/// and timestamps run on the system clock.
/// </summary>
/// <remarks>
/// Interim: the co-hosted Orleans silo takes <see cref="TimeProvider"/> from the same container as our grains and
/// endpoints, and runs its own timers on it (membership heartbeats, table refresh, reminders, the activation collector,
/// request monitors). Given the manual clock itself, Orleans stops: its <c>DelayUntilAsync</c> loops on
/// <c>Task.Delay(remaining, timeProvider)</c>, which completes at once for less than a millisecond, so a deadline that a
/// manual timer fired just short of spins forever on a frozen clock (seen inside <see cref="ManualTimeProvider.Advance"/>).
/// Our code only reads the time, so this split keeps tests exact; once grains and endpoints take a clock of their own,
/// the manual clock goes there and Orleans keeps the system clock.
/// </remarks>
public sealed class ManualWallClock(ManualTimeProvider manual) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => manual.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => manual.LocalTimeZone;
}
