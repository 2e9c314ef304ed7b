using Loyalty.Web.Site;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Portal;

/// <summary>Limits sign-in link requests per client IP and per e-mail at a merchant (<see cref="PortalOptions"/>).</summary>
public sealed class SignInLimiter(IOptions<PortalOptions> options)
    : LinkRequestLimiter(options.Value.SignInRequestsPerMinute, options.Value.SignInRequestsPerEmailPerHour)
{
    /// <summary>Counts one request; false when either limit is reached (then nothing is sent).</summary>
    public bool TryAcquire(string? clientAddress, Guid merchantId, string email) =>
        TryAcquire(clientAddress, merchantId.ToString("N"), email);
}
