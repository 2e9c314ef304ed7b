namespace Loyalty.TerminalClient;

/// <summary>How the client reads an HTTP status: final (never retry) or "retry later with the same idempotency key".</summary>
public static class TerminalStatus
{
    /// <summary>
    /// A final answer: 2xx, or 4xx other than 408 and 429. Sending the same request again would answer the same, so a
    /// queued operation with a final answer is done, whether it succeeded or was refused.
    /// </summary>
    /// <param name="status">The HTTP status; <see langword="null"/> when no answer arrived.</param>
    public static bool IsFinal(int? status) =>
        status is >= 200 and < 300 || (status is >= 400 and < 500 && status is not (408 or 429));

    /// <summary>
    /// The outcome is not known or the server asked to come back later (no answer, 408, 429, 5xx): retry with the same
    /// idempotency key, which replays the first outcome if the server did apply it.
    /// </summary>
    /// <param name="status">The HTTP status; <see langword="null"/> when no answer arrived.</param>
    public static bool IsRetryable(int? status) => status is null or 408 or 429 or >= 500;
}
