using Loyalty.Web.Site;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Accounts;

/// <summary>Limits password reset link requests per client IP and per e-mail (<see cref="PasswordResetOptions"/>).</summary>
public sealed class PasswordResetLimiter(IOptions<PasswordResetOptions> options)
    : LinkRequestLimiter(options.Value.RequestsPerMinute, options.Value.RequestsPerEmailPerHour)
{
    /// <summary>Counts one request; false when either limit is reached (then nothing is sent).</summary>
    public bool TryAcquire(string? clientAddress, string email) => TryAcquire(clientAddress, "admin", email);
}
