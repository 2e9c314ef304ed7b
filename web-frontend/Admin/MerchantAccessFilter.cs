using System.Globalization;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Admin;

/// <summary>
/// Guards every route with a <c>{merchantId}</c>: a merchant owner reaches only their own merchant (403
/// <c>forbidden</c>), checked before anything is looked up so other merchants' ids reveal nothing.
/// </summary>
public sealed class MerchantAccessFilter : IEndpointFilter
{
    public const string RouteValue = "merchantId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var value = Convert.ToString(http.GetRouteValue(RouteValue), CultureInfo.InvariantCulture);
        if (!Guid.TryParse(value, out var merchantId) || !http.GetAdmin().CanAccessMerchant(merchantId))
        {
            return Problem.Forbidden("This admin token does not give access to that merchant.");
        }

        return await next(context);
    }
}
