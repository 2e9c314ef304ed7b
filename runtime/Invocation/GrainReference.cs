using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Invocation;

/// <summary>
/// Base of the generated proxies. A reference is a grain id plus the invoker that carries its calls;
/// two references to the same grain are equal.
/// </summary>
public abstract class GrainReference : IEquatable<GrainReference>
{
    private readonly IGrainCallInvoker _invoker;

    protected GrainReference(GrainId grainId, IGrainCallInvoker invoker)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        GrainId = grainId;
        _invoker = invoker;
    }

    public GrainId GrainId { get; }

    protected Task<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request) => _invoker.InvokeAsync(GrainId, request);

    protected Task InvokeVoidAsync(GrainRequest<VoidResult> request) => _invoker.InvokeAsync(GrainId, request);

    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();
}
