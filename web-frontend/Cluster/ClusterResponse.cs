namespace Loyalty.Web.Cluster;

/// <summary>The body of <c>GET /api/admin/v1/cluster</c>.</summary>
public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos, int TotalActivations);
