namespace Loyalty.Runtime.Cluster;

/// <summary>One silo as the admin cluster page shows it.</summary>
/// <param name="Name">The silo's name (Loyalty:Runtime:SiloName, or machine and process id).</param>
/// <param name="Status">Joining, Active, ShuttingDown or Dead.</param>
/// <param name="StartedAt">When the silo started.</param>
/// <param name="LastHeartbeat">The silo's last sign of life.</param>
/// <param name="Activations">Activations alive on the silo (for other silos: as of their last heartbeat; for dead ones: when they died).</param>
/// <param name="ActivationsByGrainType">The same, per grain type.</param>
/// <param name="SiloId">The incarnation's row in the membership table.</param>
/// <param name="Address">host:port for cluster traffic, once the transport exists.</param>
/// <param name="Generation">Grows with every restart of a silo of this name.</param>
/// <param name="DeclaredDeadAt">When the silo became dead, or null.</param>
/// <param name="DeclaredDeadBy">The name of the silo that declared it dead (its own after a graceful stop), or null.</param>
public sealed record SiloStatusSnapshot(
    string Name,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset LastHeartbeat,
    int Activations,
    IReadOnlyDictionary<string, int> ActivationsByGrainType,
    Guid? SiloId = null,
    string? Address = null,
    long Generation = 0,
    DateTimeOffset? DeclaredDeadAt = null,
    string? DeclaredDeadBy = null);
