namespace Loyalty.Runtime.Cluster;

/// <summary>One silo as the admin cluster page shows it.</summary>
/// <param name="Name">The silo's name (Loyalty:Runtime:SiloName, or machine and process id).</param>
/// <param name="Status">Joining, Active, ShuttingDown or Dead.</param>
/// <param name="StartedAt">When the silo started.</param>
/// <param name="LastHeartbeat">The silo's last sign of life.</param>
/// <param name="Activations">Activations alive on the silo.</param>
/// <param name="ActivationsByGrainType">The same, per grain type.</param>
public sealed record SiloStatusSnapshot(
    string Name,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset LastHeartbeat,
    int Activations,
    IReadOnlyDictionary<string, int> ActivationsByGrainType);
