namespace Loyalty.Web.Cluster;

/// <summary>The body of <c>GET /api/admin/v1/cluster</c>.</summary>
/// <param name="Silos">This silo first, then the others, live and recently dead.</param>
/// <param name="TotalActivations">Activations on the silos that are not dead.</param>
public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos, int TotalActivations);
