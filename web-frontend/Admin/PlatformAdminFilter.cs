using Loyalty.Web.Problems;

namespace Loyalty.Web.Admin;

/// <summary>Lets platform-admin tokens through; merchant owners get 403 <c>forbidden</c>.</summary>
public sealed class PlatformAdminFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.HttpContext.GetAdmin().IsPlatformAdmin
            ? await next(context)
            : Problem.Forbidden("Only platform admins may do this.");
    }
}
