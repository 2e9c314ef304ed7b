using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Invocation;

/// <summary>What the generator knows about one grain interface: its grain type, proxy and methods.</summary>
public sealed class GrainInterfaceInfo
{
    public GrainInterfaceInfo(
        Type interfaceType,
        string grainType,
        Func<GrainId, IGrainCallInvoker, GrainReference> proxyFactory,
        IReadOnlyDictionary<string, GrainRequestReader> methods)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentNullException.ThrowIfNull(proxyFactory);
        ArgumentNullException.ThrowIfNull(methods);
        InterfaceType = interfaceType;
        GrainType = grainType;
        ProxyFactory = proxyFactory;
        Methods = methods;
    }

    public Type InterfaceType { get; }

    /// <summary>The grain type name that prefixes the ids of grains behind this interface.</summary>
    public string GrainType { get; }

    public Func<GrainId, IGrainCallInvoker, GrainReference> ProxyFactory { get; }

    /// <summary>
    /// True for the runtime's own interfaces whose calls may target a grain of any type (reminder ticks, hand-off
    /// requests); generated grain interfaces serve their own grain type only.
    /// </summary>
    public bool ForAnyGrainType { get; init; }

    /// <summary>Request readers by <see cref="GrainRequest.MethodId"/>.</summary>
    public IReadOnlyDictionary<string, GrainRequestReader> Methods { get; }
}
