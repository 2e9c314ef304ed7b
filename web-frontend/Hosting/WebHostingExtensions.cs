using Loyalty.Database;
using Loyalty.Silo.Hosting;
using Orleans.Dashboard;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Loyalty.Web.Audit;
using Loyalty.Web.Merchants;
using Loyalty.Web.OpenApi;
using Loyalty.Web.Portal;
using Loyalty.Web.Programs;
using Loyalty.Web.Stores;
using Loyalty.Web.Problems;
using Loyalty.Web.Site;
using Loyalty.Web.Devices;
using Loyalty.Web.Staff;
using Loyalty.Web.Terminal;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Hosting;

/// <summary>The web frontend's services and middleware, kept out of Program.cs so it reads like a table of contents.</summary>
public static class WebHostingExtensions
{
    /// <summary>Large enough for a /sync of 500 operations, small enough that no client can exhaust memory.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Where the Orleans dashboard is served, to platform admins only.</summary>
    public const string DashboardPath = "/admin/orleans";

    /// <summary>
    /// The grains behind the frontend: a silo in this process (<c>Loyalty:Silo:Enabled</c>, the default), or a pure
    /// client of the silos found in the database.
    /// </summary>
    public static WebApplicationBuilder AddLoyaltyGrains(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration.GetValue("Loyalty:Silo:Enabled", true))
        {
            builder.AddLoyaltySilo();
        }
        else
        {
            builder.AddLoyaltyClient();
        }

        return builder;
    }

    public static WebApplicationBuilder AddLoyaltyWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddMigrations("web", typeof(WebHostingExtensions).Assembly);
        // Requests are strict: an unknown field, a field given twice, a wrong type or malformed JSON is a 400 validation
        // problem. A duplicate key would otherwise let the last value win where a proxy or a log shows the first.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.AllowDuplicateProperties = false;
            options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("code", ProblemCodes.ForStatus(context.ProblemDetails.Status));
            context.ProblemDetails.Detail ??= ProblemCodes.DefaultDetail(context.ProblemDetails.Status);
        });

        // Body binding failures throw in every environment (not only Development), so ProblemExceptionHandler answers
        // them the same way everywhere: a 400 validation problem naming the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddSingleton<AdminTokenStore>();
        services.AddSingleton<OwnerTokenStore>();
        services.AddHostedService<BootstrapTokenInitializer>();
        services.AddSingleton<MerchantReadModel>();
        services.AddSingleton<StoreReadModel>();
        services.AddSingleton<ProgramReadModel>();
        services.AddSingleton<AuditLogReadModel>();
        services.AddSingleton<IStoreTimeZones, DatabaseStoreTimeZones>();
        services.AddSingleton<TerminalCardOperations>();
        services.AddSingleton<TerminalSync>();
        services.AddSingleton<TerminalEnrollmentLimiter>();
        services.AddSingleton<IStaffPinGate, GrainStaffPinGate>();
        services.AddOptions<TerminalOptions>().Bind(builder.Configuration.GetSection(TerminalOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TerminalOptions>, TerminalOptionsValidator>();
        services.AddTerminalRateLimits();
        services.AddSingleton<IStoreDirectory, PostgresStoreDirectory>();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<DeviceDirectory>();
        services.AddLoyaltyOpenApi();
        // No default scheme: ASP.NET Core would make one, and then every terminal request would look its device token up
        // in admin_tokens (one more database round trip per stamp, measured). Policies name their schemes (admin token,
        // admin cookie, customer), and authorization authenticates with them only where a policy applies.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AdminTokenAuthenticationHandler>(AdminTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddAdminPolicies();
        services.AddCustomerPortal(builder.Configuration);
        services.AddAdminSite(builder.Configuration);
        return builder;
    }

    public static WebApplication UseLoyaltyWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseLoyaltyRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseLoyaltySite();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapLoyaltyHealthChecks();
        // Not an API: its pages and their scripts stay out of the OpenAPI document.
        app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAuthorization(AdminPolicies.PlatformAdmin).ExcludeFromDescription();
        app.MapAdminApi();
        app.MapTerminalApi();
        app.MapLoyaltyOpenApi();
        app.MapLoyaltySite();
        return app;
    }
}
