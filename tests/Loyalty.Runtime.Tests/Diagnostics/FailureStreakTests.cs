using Loyalty.Runtime.Diagnostics;
using Loyalty.Runtime.Tests.Transport;
using Loyalty.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Loyalty.Runtime.Tests.Diagnostics;

public sealed class FailureStreakTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Failed_InARow_FirstWithItsExceptionThenOneLineEachAndTheEndOnce()
    {
        var time = new ManualTimeProvider(Start);
        using var logs = new RecordingLoggerProvider();
        var streak = new FailureStreak("Heartbeat of silo a", time, logs.CreateLogger("test"));
        var first = new InvalidOperationException("Failed to connect to 127.0.0.1:5432");

        streak.Failed(first);
        time.Advance(TimeSpan.FromSeconds(2));
        streak.Failed(new TimeoutException("still down"));
        time.Advance(TimeSpan.FromSeconds(2));
        streak.Failed(new InvalidOperationException("Failed to connect to 127.0.0.1:5432"));
        time.Advance(TimeSpan.FromSeconds(2));
        streak.Succeeded();
        streak.Succeeded();
        streak.Failed(first);

        Assert.Equal(
            [
                (LogLevel.Warning, "Heartbeat of silo a failed", (Exception?)first),
                (LogLevel.Warning, "Heartbeat of silo a failed again (2 in a row since 2026-11-21T03:00:00.0000000+00:00): TimeoutException: still down", null),
                (LogLevel.Warning, "Heartbeat of silo a failed again (3 in a row since 2026-11-21T03:00:00.0000000+00:00): InvalidOperationException: Failed to connect to 127.0.0.1:5432", null),
                (LogLevel.Information, "Heartbeat of silo a works again, after 3 failures over 00:00:06", null),
                (LogLevel.Warning, "Heartbeat of silo a failed", first),
            ],
            logs.Entries.Select(e => (e.Level, e.Message, e.Exception)));
        Assert.Equal(1, streak.Failures);
    }

    [Fact]
    public void Succeeded_WithoutFailures_LogsNothing()
    {
        using var logs = new RecordingLoggerProvider();
        var streak = new FailureStreak("Reading membership", new ManualTimeProvider(Start), logs.CreateLogger("test"));

        streak.Succeeded();

        Assert.Empty(logs.Entries);
        Assert.Equal(0, streak.Failures);
    }
}
