using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Loyalty.Web.OpenApi;

/// <summary>
/// Our strict JSON options (unknown members are refused) make the generator write <c>additionalProperties: false</c> on
/// every object. That is true of request bodies only: the contracts let responses carry more fields, and problems
/// always carry extensions (<c>code</c>, <c>errors</c>, <c>attemptsRemaining</c>, <c>lockedUntil</c>, <c>retryAfter</c>).
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            schema.AdditionalPropertiesAllowed = true;
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            schema.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The machine code (validation, device-unauthorized, pin-locked, rate-limited, ...).",
            };
            schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
            schema.Required.Add("code");
        }
        else if (context.ParameterDescription is null)
        {
            // Not generated for a request parameter or body: a response, where more fields may come.
            schema.AdditionalPropertiesAllowed = true;
        }

        return Task.CompletedTask;
    }
}
