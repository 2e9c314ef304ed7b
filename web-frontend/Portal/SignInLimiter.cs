using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Portal;

/// <summary>
/// Limits sign-in link requests per client IP (per minute) and per e-mail at a merchant (per hour), fixed windows, no
/// queue, counted per process. The page answers a refusal the same whether or not the e-mail is a customer's.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byEmail;

    public SignInLimiter(IOptions<PortalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _byAddress = Windows(limits.SignInRequestsPerMinute, TimeSpan.FromMinutes(1));
        _byEmail = Windows(limits.SignInRequestsPerEmailPerHour, TimeSpan.FromHours(1));
    }

    /// <summary>Counts one request; false when either limit is reached (then nothing is sent).</summary>
    public bool TryAcquire(string? clientAddress, Guid merchantId, string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var address = _byAddress.AttemptAcquire(clientAddress ?? "unknown");
        if (!address.IsAcquired)
        {
            return false;
        }

        using var perEmail = _byEmail.AttemptAcquire($"{merchantId:N}/{email.Trim().ToLowerInvariant()}");
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
