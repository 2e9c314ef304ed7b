namespace Loyalty.Web.OpenApi;

/// <summary>The OpenAPI document of the terminal and admin APIs, served at <see cref="DocumentPath"/>.</summary>
public static class OpenApiExtensions
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddLoyaltyOpenApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<SecuritySchemesTransformer>();
            options.AddOperationTransformer<SecurityRequirementTransformer>();
            options.AddSchemaTransformer<ContractSchemaTransformer>();
        });
    }

    /// <summary>Public: the document describes the contracts, which are public anyway; it holds no data.</summary>
    public static IEndpointRouteBuilder MapLoyaltyOpenApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
