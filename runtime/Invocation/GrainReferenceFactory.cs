using System.Globalization;
using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Invocation;

/// <summary>Hands out references whose calls go through one invoker: the silo's runtime, or the cluster client.</summary>
internal abstract class GrainReferenceFactory : IGrainFactory, IGrainCallInvoker
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        return CreateReference<TGrainInterface>(key);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid key)
        where TGrainInterface : IGrainWithGuidKey => CreateReference<TGrainInterface>(key.ToString("N"));

    public TGrainInterface GetGrain<TGrainInterface>(long key)
        where TGrainInterface : IGrainWithIntegerKey => CreateReference<TGrainInterface>(key.ToString(CultureInfo.InvariantCulture));

    public abstract Task<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request);

    private TGrainInterface CreateReference<TGrainInterface>(string key)
    {
        var info = GrainInterfaceRegistry.Get(typeof(TGrainInterface));
        return (TGrainInterface)(object)info.ProxyFactory(new GrainId(info.GrainType, key), this);
    }
}
