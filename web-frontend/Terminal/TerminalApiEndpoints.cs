using Loyalty.Web.Hosting;
using Loyalty.Web.OpenApi;
using Loyalty.Web.Pairing;
using Loyalty.Web.Staff;

namespace Loyalty.Web.Terminal;

/// <summary>The terminal API, version 1 (shared contracts/terminal-api-v1.md): every endpoint but <c>POST /pair</c> needs a device token.</summary>
public static class TerminalApiEndpoints
{
    public const string BasePath = "/api/terminal/v1";

    public static IEndpointRouteBuilder MapTerminalApi(this IEndpointRouteBuilder app)
    {
        // Every endpoint calls grains or the database, so any may answer 503 (retry later).
        var terminal = app.MapGroup(BasePath)
            .AddEndpointFilter<NoStoreFilter>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("Terminal");
        terminal.MapPairingEndpoints();

        // Every device endpoint may answer 401 (unknown or revoked device).
        var device = terminal.MapGroup("")
            .AddEndpointFilter<DeviceAuthenticationFilter>()
            .WithMetadata(ApiSecurity.DeviceToken)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        device.MapStaffEndpoints();
        device.MapTerminalCardEndpoints();
        return app;
    }
}
