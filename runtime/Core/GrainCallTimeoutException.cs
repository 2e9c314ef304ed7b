namespace Loyalty.Runtime.Core;

/// <summary>
/// A grain call passed its deadline. Its outcome is unknown: the grain may still complete it, so callers
/// retry only operations that are idempotent (card operations carry idempotency keys for this reason).
/// </summary>
public sealed class GrainCallTimeoutException : TimeoutException
{
    public GrainCallTimeoutException()
    {
    }

    public GrainCallTimeoutException(string message)
        : base(message)
    {
    }

    public GrainCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
