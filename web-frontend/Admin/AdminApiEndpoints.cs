using Loyalty.Web.Cluster;

namespace Loyalty.Web.Admin;

/// <summary>The admin API, version 1: every endpoint needs an admin token.</summary>
public static class AdminApiEndpoints
{
    public const string BasePath = "/api/admin/v1";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(BasePath)
            .AddEndpointFilter<AdminAuthenticationFilter>()
            .WithTags("Admin");
        admin.MapClusterEndpoints();
        return app;
    }
}
