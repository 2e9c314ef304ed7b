using Loyalty.Web.Problems;

namespace Loyalty.Web.Admin;

/// <summary>Guards a group only platform admins reach (403 <c>forbidden</c> for merchant owners): platform-wide settings.</summary>
public sealed class PlatformAdminFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.HttpContext.GetAdmin().IsPlatformAdmin
            ? await next(context)
            : Problem.Forbidden("Only platform admins manage platform-wide settings.");
    }
}
