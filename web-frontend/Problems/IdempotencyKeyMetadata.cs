namespace Loyalty.Web.Problems;

/// <summary>
/// Marks an endpoint whose request carries an <c>idempotencyKey</c>, so a 503 can tell its caller to retry with the same
/// key; other endpoints' 503s must not mention a key they do not take.
/// </summary>
public sealed class IdempotencyKeyMetadata
{
    public static IdempotencyKeyMetadata Instance { get; } = new();

    private IdempotencyKeyMetadata()
    {
    }
}
