namespace Loyalty.Web.Cluster;

/// <summary>One silo in <c>GET /api/admin/v1/cluster</c>.</summary>
public sealed record SiloResponse(
    string Name,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset LastHeartbeat,
    int Activations,
    IReadOnlyDictionary<string, int> ActivationsByGrainType,
    string Address,
    int Generation);
