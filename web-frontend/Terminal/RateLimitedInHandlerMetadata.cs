namespace Loyalty.Web.Terminal;

/// <summary>Endpoint metadata: the handler answers 429 from a limiter of its own (see <see cref="TerminalEnrollmentLimiter"/>).</summary>
public sealed record RateLimitedInHandlerMetadata;
