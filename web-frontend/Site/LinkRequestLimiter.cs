using System.Threading.RateLimiting;

namespace Loyalty.Web.Site;

/// <summary>
/// Limits requests for a link sent by e-mail (portal sign-in, admin password reset): per client IP per minute and per
/// e-mail per hour, fixed windows, no queue, counted per process. Pages answer a refusal the same whether or not the
/// e-mail is known.
/// </summary>
public abstract class LinkRequestLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byEmail;

    protected LinkRequestLimiter(int requestsPerMinute, int requestsPerEmailPerHour)
    {
        _byAddress = Windows(requestsPerMinute, TimeSpan.FromMinutes(1));
        _byEmail = Windows(requestsPerEmailPerHour, TimeSpan.FromHours(1));
    }

    /// <summary>
    /// Counts one request; false when either limit is reached (then nothing is sent). <paramref name="emailScope"/>
    /// separates the same address in different places (a merchant's portal); the e-mail counts in any case.
    /// </summary>
    protected bool TryAcquire(string? clientAddress, string emailScope, string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var address = _byAddress.AttemptAcquire(clientAddress ?? "unknown");
        if (!address.IsAcquired)
        {
            return false;
        }

        using var perEmail = _byEmail.AttemptAcquire($"{emailScope}/{email.Trim().ToLowerInvariant()}");
        return perEmail.IsAcquired;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _byAddress.Dispose();
            _byEmail.Dispose();
        }
    }

    private static PartitionedRateLimiter<string> Windows(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
