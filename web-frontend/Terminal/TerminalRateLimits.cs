using System.Globalization;
using System.Threading.RateLimiting;
using Loyalty.GrainInterfaces.Devices;
using Loyalty.Web.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Terminal;

/// <summary>
/// Rate limits of the terminal API (fixed one-minute windows, no queueing): pairing per client IP, PIN verification
/// and enrolment per device (each with its own budget). The limiter runs before endpoint filters, so "per device" is keyed by the bearer token's SHA-256:
/// one token is one device, and the raw token never sits in the limiter's memory.
/// </summary>
public static class TerminalRateLimits
{
    public const string Pairing = "terminal-pairing";
    public const string PinVerification = "terminal-pin-verification";
    public const string Enrollment = "terminal-enrollment";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Applies the policy and declares its 429 answer, so the OpenAPI document cannot miss it.</summary>
    public static RouteHandlerBuilder RateLimitedBy(this RouteHandlerBuilder endpoint, string policy) => endpoint
        .RequireRateLimiting(policy)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static IServiceCollection AddTerminalRateLimits(this IServiceCollection services)
    {
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(Pairing, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => PerMinute(Options(context).PairRequestsPerMinute)));
            options.AddPolicy(PinVerification, context => RateLimitPartition.GetFixedWindowLimiter(
                DeviceKey(context), _ => PerMinute(Options(context).PinVerificationsPerMinute)));
            options.AddPolicy(Enrollment, context => RateLimitPartition.GetFixedWindowLimiter(
                DeviceKey(context), _ => PerMinute(Options(context).EnrollmentsPerMinute)));
        });
    }

    // Requests without a token share one partition; device authentication refuses them anyway.
    private static string DeviceKey(HttpContext context) =>
        TerminalTokens.FromHeader(context.Request) is { } token ? Convert.ToHexString(DeviceTokens.Hash(token)) : "";

    private static TerminalOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<TerminalOptions>>().Value;

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problem.Create(
                StatusCodes.Status429TooManyRequests,
                ProblemCodes.RateLimited,
                "Too many requests",
                $"Retry after {seconds} seconds.",
                new Dictionary<string, object?> { ["retryAfter"] = seconds })
            .ExecuteAsync(context.HttpContext);
    }
}
