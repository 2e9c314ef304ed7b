using Loyalty.Web.Audit;
using Loyalty.Web.Cards;
using Loyalty.Web.Cluster;
using Loyalty.Web.Merchants;
using Loyalty.Web.OpenApi;
using Loyalty.Web.Programs;
using Loyalty.Web.Stores;
using Loyalty.Web.Devices;
using Loyalty.Web.Hosting;
using Loyalty.Web.Email;
using Loyalty.Web.Pairing;
using Loyalty.Web.Staff;

namespace Loyalty.Web.Admin;

/// <summary>The admin API, version 1: every endpoint needs an admin token.</summary>
public static class AdminApiEndpoints
{
    public const string BasePath = "/api/admin/v1";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(BasePath)
            .AddEndpointFilter<NoStoreFilter>()
            .AddEndpointFilter<AdminAuthenticationFilter>()
            .WithMetadata(ApiSecurity.AdminToken)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            // The token lookup alone reads the database: any admin endpoint may answer 503 (retry later).
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("Admin");
        admin.MapClusterEndpoints();
        admin.MapMerchantEndpoints();
        admin.MapAdminCardEndpoints();
        admin.MapAdminCardChangeEndpoints();

        // Everything about one merchant: owners of other merchants are refused before any lookup.
        var merchant = admin.MapGroup("/merchants/{merchantId:guid}")
            .AddEndpointFilter<MerchantAccessFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        merchant.MapStoreEndpoints();
        merchant.MapProgramEndpoints();
        merchant.MapAuditLogEndpoints();
        merchant.MapPinLockoutEndpoints();
        merchant.MapOwnerTokenEndpoints();
        merchant.MapMerchantEmailLogEndpoints();

        // Platform-wide settings: merchant owners are refused before anything is read.
        var platform = admin.MapGroup("")
            .AddEndpointFilter<PlatformAdminFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        platform.MapPlatformEmailLogEndpoints();
        platform.MapEmailTemplateEndpoints();
        platform.MapEmailSettingsEndpoints();
        admin.MapStaffAdminEndpoints();
        admin.MapPairingCodeEndpoints();
        admin.MapDeviceAdminEndpoints();
        return app;
    }
}
