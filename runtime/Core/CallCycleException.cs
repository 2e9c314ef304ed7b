namespace Loyalty.Runtime.Core;

/// <summary>
/// A call would wait on a non-reentrant activation that is itself waiting, through the call chain, for the
/// caller: it can never complete. The runtime fails it at once instead of letting it time out.
/// </summary>
public sealed class CallCycleException : InvalidOperationException
{
    public CallCycleException()
    {
    }

    public CallCycleException(string message)
        : base(message)
    {
    }

    public CallCycleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
