using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Loyalty.Web.OpenApi;

/// <summary>Titles the document and declares the two bearer schemes that operations refer to.</summary>
internal sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Loyalty API",
            Version = "v1",
            Description = "Terminal API v1 (/api/terminal/v1), admin API v1 (/api/admin/v1) and the Apple Wallet PassKit web service (/api/wallet/apple/v1). Errors are application/problem+json with a machine code.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        foreach (var security in ApiSecurity.All)
        {
            document.Components.SecuritySchemes[security.SchemeId] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = security.HttpScheme,
                Description = security.Description,
            };
        }

        return Task.CompletedTask;
    }
}
