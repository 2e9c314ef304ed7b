using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.Transport;

/// <summary>Takes the calls that arrive from other silos and clients: the silo's runtime.</summary>
internal interface IInboundCallHandler
{
    /// <summary>Runs the call on its grain here, or passes it on to the owner when this silo is not the owner.</summary>
    Task<TResult> InvokeInboundAsync<TResult>(GrainId target, GrainRequest<TResult> request, CallChain? chain, DateTimeOffset deadline, int hops);
}
