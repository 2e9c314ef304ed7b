using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Loyalty.Web.OpenApi;

/// <summary>Marks each operation with the bearer scheme its route group requires (<see cref="ApiSecurity"/>); none for <c>POST /pair</c>.</summary>
internal sealed class SecurityRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiSecurity>().LastOrDefault() is { } security)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(security.SchemeId, context.Document)] = [],
            });
        }

        return Task.CompletedTask;
    }
}
