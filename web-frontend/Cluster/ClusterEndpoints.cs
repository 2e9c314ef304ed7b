using Loyalty.Web.Admin;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Cluster;

/// <summary>The cluster status the admin cluster page shows: silos and their activations per grain type.</summary>
public static class ClusterEndpoints
{
    public static RouteGroupBuilder MapClusterEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/cluster", GetClusterAsync)
            .WithName("GetCluster")
            .WithSummary("Silos of the cluster with status, address and activation counts per grain type (platform admins only).")
            .Produces<ClusterResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return admin;
    }

    private static async Task<IResult> GetClusterAsync(HttpContext context, ClusterStatus cluster, CancellationToken cancellationToken) =>
        context.GetAdmin().IsPlatformAdmin
            ? TypedResults.Ok(await cluster.ReadAsync(cancellationToken))
            : Problem.Forbidden("Only platform admins see the cluster.");
}
