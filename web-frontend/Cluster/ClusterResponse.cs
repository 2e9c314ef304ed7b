namespace Loyalty.Web.Cluster;

/// <summary>The body of <c>GET /api/admin/v1/cluster</c>.</summary>
/// <param name="Silos">Every silo the membership table holds, live and dead, by name.</param>
/// <param name="TotalActivations">Activations on the silos that are not dead.</param>
public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos, int TotalActivations);
