using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Accounts;

/// <summary>
/// Limits reset link requests per client IP (per minute) and per e-mail (per hour), fixed windows, no queue, counted per
/// process, like the portal's sign-in links. A refusal reads the same whether or not the e-mail is an account's.
/// </summary>
public sealed class PasswordResetLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byEmail;

    public PasswordResetLimiter(IOptions<PasswordResetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _byAddress = Windows(options.Value.RequestsPerMinute, TimeSpan.FromMinutes(1));
        _byEmail = Windows(options.Value.RequestsPerEmailPerHour, TimeSpan.FromHours(1));
    }

    /// <summary>Counts one request; false when either limit is reached (then nothing is sent).</summary>
    public bool TryAcquire(string? clientAddress, string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var address = _byAddress.AttemptAcquire(clientAddress ?? "unknown");
        if (!address.IsAcquired)
            return false;
        using var perEmail = _byEmail.AttemptAcquire(email.Trim().ToLowerInvariant());
        return perEmail.IsAcquired;
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byEmail.Dispose();
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
