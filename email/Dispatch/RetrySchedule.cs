namespace Loyalty.Email.Dispatch;

/// <summary>Exponential backoff: the first retry after <c>FirstRetryDelay</c>, doubling up to <c>MaxRetryDelay</c>. Pure code.</summary>
public static class RetrySchedule
{
    /// <summary>When a message that failed its <paramref name="attempt"/>-th attempt is tried again, or null: give up.</summary>
    public static DateTimeOffset? NextAttemptAt(int attempt, DateTimeOffset failedAt, EmailDispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (attempt >= options.MaxAttempts)
        {
            return null;
        }

        var doublings = Math.Min(attempt - 1, 20);
        var delay = TimeSpan.FromTicks(Math.Min(options.FirstRetryDelay.Ticks * (1L << doublings), options.MaxRetryDelay.Ticks));
        return failedAt + delay;
    }
}
