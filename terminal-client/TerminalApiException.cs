namespace Loyalty.TerminalClient;

/// <summary>
/// A terminal API call that did not succeed: a problem answer, or no answer at all (network failure, timeout).
/// When <see cref="IsRetryable"/>, the outcome is unknown or the server asked to come back later: retry with the same
/// <see cref="IdempotencyKey"/>.
/// </summary>
public sealed class TerminalApiException : Exception
{
    /// <summary>Creates the exception for a problem.</summary>
    /// <param name="problem">The problem answered (or made up for a missing answer).</param>
    /// <param name="idempotencyKey">The key of the card operation that failed, if it was one.</param>
    /// <param name="innerException">The network failure, if there was no answer.</param>
    public TerminalApiException(TerminalProblem problem, string? idempotencyKey = null, Exception? innerException = null)
        : base(MessageOf(problem), innerException)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The problem, with its extras (<c>attemptsRemaining</c>, <c>lockedUntil</c>, <c>retryAt</c>, <c>errors</c>).</summary>
    public TerminalProblem Problem { get; }

    /// <summary>The HTTP status; <see langword="null"/> when the request got no answer.</summary>
    public int? Status => Problem.Status;

    /// <summary>The machine code (see <see cref="TerminalProblemCodes"/>).</summary>
    public string Code => Problem.Code;

    /// <summary>The server's explanation.</summary>
    public string? Detail => Problem.Detail;

    /// <summary>The idempotency key of the failed card operation (also when the client generated it).</summary>
    public string? IdempotencyKey { get; }

    /// <summary>No answer, 408, 429 or 5xx: retry later with the same idempotency key.</summary>
    public bool IsRetryable => TerminalStatus.IsRetryable(Status);

    private static string MessageOf(TerminalProblem problem) => problem is null
        ? "The terminal API call failed."
        : $"Terminal API: {problem.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"} {problem.Code}: {problem.Detail ?? problem.Title}";
}
