namespace Loyalty.Runtime.Membership;

/// <summary>One silo incarnation as the <c>silos</c> table holds it.</summary>
/// <param name="SiloId">The incarnation's identity; a restarted process is a new silo id.</param>
/// <param name="Name">The silo's name (Loyalty:Runtime:SiloName); several generations may share it.</param>
/// <param name="Address">host:port where the silo takes cluster traffic; null until the transport exists.</param>
/// <param name="Generation">Grows with every restart of a silo of the same name.</param>
/// <param name="Status">Where the silo is in its life.</param>
/// <param name="StartedAt">When the silo started.</param>
/// <param name="HeartbeatAt">The silo's last heartbeat, on its own clock.</param>
/// <param name="DeclaredDeadAt">When it became dead, or null.</param>
/// <param name="DeclaredDeadBy">The silo that declared it dead (itself after a graceful stop), or null.</param>
/// <param name="Version">Grows with every status or address change (not with heartbeats).</param>
/// <param name="ActivationsByGrainType">Activations per grain type, as of its last heartbeat.</param>
public sealed record SiloEntry(
    Guid SiloId,
    string Name,
    string? Address,
    long Generation,
    SiloStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    DateTimeOffset? DeclaredDeadAt,
    Guid? DeclaredDeadBy,
    long Version,
    IReadOnlyDictionary<string, int> ActivationsByGrainType)
{
    public bool IsAlive => Status != SiloStatus.Dead;
}
