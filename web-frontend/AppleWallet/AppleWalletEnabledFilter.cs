using Loyalty.Web.Problems;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.AppleWallet;

/// <summary>While Apple Wallet is not configured its addresses do not exist: 404 (problem+json on the API, the 404 page on the site).</summary>
public sealed class AppleWalletEnabledFilter(IOptions<AppleWalletOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Value.Enabled)
            return next(context);
        var isApi = context.HttpContext.Request.Path.StartsWithSegments(AppleWalletEndpoints.WebServicePath, StringComparison.Ordinal);
        return ValueTask.FromResult<object?>(isApi
            ? Problem.Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found", "Apple Wallet is not configured here.")
            : Results.NotFound());
    }
}
