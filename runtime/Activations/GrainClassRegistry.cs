using System.Reflection;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.Activations;

/// <summary>Maps grain type names to the grain classes that implement them, built once at start-up.</summary>
internal sealed class GrainClassRegistry
{
    private readonly Dictionary<string, GrainClassInfo> _byType = new(StringComparer.Ordinal);

    public GrainClassRegistry(IEnumerable<GrainAssembly> assemblies)
    {
        foreach (var assembly in assemblies.Select(a => a.Assembly).Distinct())
        {
            foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t)))
            {
                Add(type);
            }
        }
    }

    public IEnumerable<string> GrainTypes => _byType.Keys;

    public bool TryGet(string grainType, out GrainClassInfo info) => _byType.TryGetValue(grainType, out info!);

    private void Add(Type grainClass)
    {
        var grainInterfaces = grainClass.GetInterfaces()
            .Where(i => typeof(IGrain).IsAssignableFrom(i) && i != typeof(IGrain) && !IsKeyMarker(i))
            .ToList();
        foreach (var grainInterface in grainInterfaces)
        {
            GrainInterfaceRegistry.EnsureRegistered(grainInterface.Assembly);
        }

        foreach (var grainType in grainInterfaces.Select(i => GrainInterfaceRegistry.Get(i).GrainType).Distinct())
        {
            if (_byType.TryGetValue(grainType, out var existing) && existing.GrainClass != grainClass)
            {
                throw new InvalidOperationException(
                    $"Grain type '{grainType}' is implemented by both {existing.GrainClass.FullName} and {grainClass.FullName}; a grain type needs exactly one class.");
            }

            _byType[grainType] = GrainClassInfo.Create(grainClass, grainType);
        }
    }

    private static bool IsKeyMarker(Type type) =>
        type == typeof(IGrainWithStringKey) || type == typeof(IGrainWithGuidKey) || type == typeof(IGrainWithIntegerKey);
}
