using Loyalty.Runtime.Activations;

namespace Loyalty.Runtime.Cluster;

/// <summary>The cluster as a single silo sees it: itself, live.</summary>
internal sealed class LocalClusterStatusProvider(GrainRuntime runtime) : IClusterStatusProvider
{
    public Task<IReadOnlyList<SiloStatusSnapshot>> GetSilosAsync(CancellationToken cancellationToken)
    {
        var byType = runtime.Catalog.CountByGrainType();
        var status = runtime.Catalog.IsClosed ? "ShuttingDown" : "Active";
        IReadOnlyList<SiloStatusSnapshot> silos =
        [
            new SiloStatusSnapshot(runtime.SiloName, status, runtime.StartedAt, runtime.TimeProvider.GetUtcNow(), byType.Values.Sum(), byType),
        ];
        return Task.FromResult(silos);
    }
}
