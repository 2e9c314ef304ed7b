using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Invocation;

/// <summary>Sends requests to grains: the local runtime on a silo, the cluster client elsewhere.</summary>
public interface IGrainCallInvoker
{
    Task<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request);
}
