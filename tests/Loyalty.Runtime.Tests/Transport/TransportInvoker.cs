using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;
using Loyalty.Runtime.Transport;

namespace Loyalty.Runtime.Tests.Transport;

/// <summary>Sends a proxy's calls straight through a cluster transport to one address, with a given chain and deadline.</summary>
internal sealed class TransportInvoker(IClusterTransport transport, string address, CallChain? chain, DateTimeOffset deadline) : IGrainCallInvoker
{
    public Task<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request) =>
        transport.SendAsync(address, new OutboundCall(target, chain, deadline, Hops: 0), request, CancellationToken.None);

    /// <summary>A proxy of <typeparamref name="TGrain"/> <paramref name="key"/> whose calls go through this invoker.</summary>
    public TGrain Get<TGrain>(string key)
    {
        var info = GrainInterfaceRegistry.Get(typeof(TGrain));
        return (TGrain)(object)info.ProxyFactory(GrainId.Create(info.GrainType, key), this);
    }
}
