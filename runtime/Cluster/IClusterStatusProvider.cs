namespace Loyalty.Runtime.Cluster;

/// <summary>Lists the silos of the cluster with their activation counts.</summary>
public interface IClusterStatusProvider
{
    Task<IReadOnlyList<SiloStatusSnapshot>> GetSilosAsync(CancellationToken cancellationToken);
}
