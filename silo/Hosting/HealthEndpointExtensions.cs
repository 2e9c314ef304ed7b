using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.Silo.Hosting;

/// <summary><c>GET /healthz</c> for every Loyalty process: 200 <c>Healthy</c>, or a 503 problem naming what is not.</summary>
public static class HealthEndpointExtensions
{
    public static IEndpointConventionBuilder MapLoyaltyHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("Healthy");
        }

        context.Response.ContentType = "application/problem+json";
        var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Status.ToString(), StringComparer.Ordinal);
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            type = "https://loyalty.invalid/problems/unavailable",
            title = "Not ready",
            status = context.Response.StatusCode,
            detail = string.Join("; ", failing.Select(f => $"{f.Key}: {f.Value}")),
            code = "unavailable",
            checks = failing,
        }));
    }
}
