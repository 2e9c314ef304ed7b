using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Terminal;

/// <summary>
/// Enrolments per device per minute (<see cref="TerminalOptions.EnrollmentsPerMinute"/>), counted where an enrolment
/// runs, so <c>POST /enrollments</c> and every enrolment inside <c>POST /sync</c> draw on the same budget. The
/// endpoint rate limiter could not see the operations inside one sync request.
/// </summary>
public sealed class TerminalEnrollmentLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter;

    public TerminalEnrollmentLimiter(IOptions<TerminalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.EnrollmentsPerMinute;
        _limiter = PartitionedRateLimiter.Create<Guid, Guid>(deviceId =>
            RateLimitPartition.GetFixedWindowLimiter(deviceId, _ => TerminalRateLimits.PerMinute(permits)));
    }

    /// <summary>Null when the device may enrol one more customer now, else the 429 answer with its retry time.</summary>
    public TerminalAnswer? TryAcquire(Guid deviceId)
    {
        using var lease = _limiter.AttemptAcquire(deviceId);
        return lease.IsAcquired ? null : TerminalAnswer.RateLimited(TerminalRateLimits.RetryAfterSeconds(lease));
    }

    public void Dispose() => _limiter.Dispose();
}
