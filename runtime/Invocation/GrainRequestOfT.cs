using System.Text.Json;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Transport;

namespace Loyalty.Runtime.Invocation;

/// <summary>A request whose grain method produces <typeparamref name="TResult"/>.</summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Calls the method on <paramref name="grain"/>, which implements the declaring interface.</summary>
    public abstract ValueTask<TResult> InvokeAsync(object grain);

    internal sealed override async Task InvokeInboundAsync(
        IInboundCallHandler handler,
        GrainId target,
        CallChain? chain,
        DateTimeOffset deadline,
        int hops,
        Utf8JsonWriter writer,
        JsonSerializerOptions options)
    {
        var result = await handler.InvokeInboundAsync(target, this, chain, deadline, hops).ConfigureAwait(false);
        JsonSerializer.Serialize(writer, result, options);
    }
}
