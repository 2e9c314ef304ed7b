using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Loyalty.Runtime.Invocation;

/// <summary>
/// Holds the generated descriptions of grain interfaces. Each assembly with grain interfaces registers
/// its own from a generated module initializer; a lookup that misses runs that initializer once.
/// </summary>
public static class GrainInterfaceRegistry
{
    private static readonly ConcurrentDictionary<Type, GrainInterfaceInfo> ByType = new();
    private static readonly ConcurrentDictionary<string, GrainInterfaceInfo> ByName = new(StringComparer.Ordinal);

    /// <summary>Called by generated code; not meant for hand-written registrations.</summary>
    public static void Register(GrainInterfaceInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        ByType[info.InterfaceType] = info;
        ByName[info.InterfaceType.FullName ?? info.InterfaceType.Name] = info;
    }

    public static GrainInterfaceInfo Get(Type interfaceType)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        if (ByType.TryGetValue(interfaceType, out var info))
        {
            return info;
        }

        RuntimeHelpers.RunModuleConstructor(interfaceType.Module.ModuleHandle);
        return ByType.TryGetValue(interfaceType, out info)
            ? info
            : throw new InvalidOperationException(
                $"{interfaceType.FullName} is not a generated grain interface. Grain interfaces must extend IGrainWithStringKey, " +
                "IGrainWithGuidKey or IGrainWithIntegerKey and live in a project that references the Loyalty.Runtime.CodeGen analyzer.");
    }

    /// <summary>Finds an interface by full name, for requests that arrive from another process.</summary>
    public static bool TryGet(string interfaceFullName, out GrainInterfaceInfo info) =>
        ByName.TryGetValue(interfaceFullName, out info!);

    /// <summary>Makes sure the interfaces of <paramref name="assembly"/> are registered.</summary>
    public static void EnsureRegistered(System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
    }
}
