namespace Loyalty.Runtime.Invocation;

/// <summary>A request whose grain method produces <typeparamref name="TResult"/>.</summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Calls the method on <paramref name="grain"/>, which implements the declaring interface.</summary>
    public abstract ValueTask<TResult> InvokeAsync(object grain);
}
