using System.Threading.RateLimiting;
using Loyalty.GrainInterfaces.Devices;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Terminal;

/// <summary>
/// Rate limits of the terminal API (fixed one-minute windows, no queueing): pairing per client IP and PIN verification
/// per device. The limiter runs before endpoint filters, so "per device" is keyed by the bearer token's SHA-256: one
/// token is one device, and the raw token never sits in the limiter's memory. Enrolments are limited where they run
/// (<see cref="TerminalEnrollmentLimiter"/>), so those inside <c>/sync</c> count too.
/// </summary>
public static class TerminalRateLimits
{
    public const string Pairing = "terminal-pairing";
    public const string PinVerification = "terminal-pin-verification";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Applies the policy and declares its 429 answer, so the OpenAPI document cannot miss it.</summary>
    public static RouteHandlerBuilder RateLimitedBy(this RouteHandlerBuilder endpoint, string policy) => endpoint
        .RequireRateLimiting(policy)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// Marks an endpoint whose handler draws on a rate limit itself (enrolments, which <c>/sync</c> counts too) and
    /// declares its 429 answer, like <see cref="RateLimitedBy"/>.
    /// </summary>
    public static RouteHandlerBuilder RateLimitedInHandler(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new RateLimitedInHandlerMetadata())
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
        });
    }

    // Requests without a token share one partition; device authentication refuses them anyway.
    private static string DeviceKey(HttpContext context) =>
        TerminalTokens.FromHeader(context.Request) is { } token ? Convert.ToHexString(DeviceTokens.Hash(token)) : "";

    private static TerminalOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<TerminalOptions>>().Value;

    internal static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Whole seconds until a refused lease's window ends (at least 1).</summary>
    internal static int RetryAfterSeconds(RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        return Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var answer = TerminalAnswer.RateLimited(RetryAfterSeconds(context.Lease));
        answer.WriteHeaders(context.HttpContext);
        await answer.ToResult().ExecuteAsync(context.HttpContext);
    }
}
