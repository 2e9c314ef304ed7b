using Loyalty.Runtime.Cluster;
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
            .WithSummary("Silos of the cluster with status, last heartbeat and activation counts per grain type (platform admins only).")
            .Produces<ClusterResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return admin;
    }

    private static async Task<IResult> GetClusterAsync(HttpContext context, IClusterStatusProvider cluster, CancellationToken cancellationToken)
    {
        if (!context.GetAdmin().IsPlatformAdmin)
        {
            return Problem.Forbidden("Only platform admins see the cluster.");
        }

        var silos = await cluster.GetSilosAsync(cancellationToken);
        var response = silos
            .Select(s => new SiloResponse(
                s.Name, s.Status, s.StartedAt, s.LastHeartbeat, s.Activations, s.ActivationsByGrainType,
                s.SiloId, s.Address, s.Generation, s.DeclaredDeadAt, s.DeclaredDeadBy))
            .ToList();

        // A dead silo's counts are what it held when it died; they live nowhere any more.
        return TypedResults.Ok(new ClusterResponse(response, response.Where(s => s.Status != "Dead").Sum(s => s.Activations)));
    }
}
