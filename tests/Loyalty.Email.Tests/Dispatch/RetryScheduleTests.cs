using Loyalty.Email.Dispatch;

namespace Loyalty.Email.Tests.Dispatch;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset FailedAt = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(9, 3600)]
    public void NextAttemptAt_Doubles_UpToTheMaximum(int attempt, int seconds)
    {
        Assert.Equal(FailedAt.AddSeconds(seconds), RetrySchedule.NextAttemptAt(attempt, FailedAt, new EmailDispatchOptions()));
    }

    [Fact]
    public void NextAttemptAt_LastAttempt_GivesUp()
    {
        Assert.Null(RetrySchedule.NextAttemptAt(10, FailedAt, new EmailDispatchOptions()));
        Assert.Null(RetrySchedule.NextAttemptAt(2, FailedAt, new EmailDispatchOptions { MaxAttempts = 2 }));
    }
}
