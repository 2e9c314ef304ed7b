using Loyalty.Web.Problems;
using Microsoft.AspNetCore.Authentication;

namespace Loyalty.Web.Admin;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;adminToken&gt;</c> on the admin API and makes the token's principal
/// available to endpoints (see <see cref="AdminHttpContextExtensions.GetAdmin"/>). The token is checked by the
/// <see cref="AdminTokenAuthenticationHandler"/> scheme, the one token check of the application; this filter turns its
/// outcome into the API's problem answers. Only tokens: the admin site's cookie does not open the API.
/// </summary>
public sealed partial class AdminAuthenticationFilter(ILogger<AdminAuthenticationFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var result = await http.AuthenticateAsync(AdminTokenAuthenticationHandler.SchemeName);
        if (result.None)
        {
            return Problem.Unauthorized("Send Authorization: Bearer <admin token>.", http);
        }

        if (!result.Succeeded || AdminPrincipal.FromUser(result.Principal!) is not { } principal)
        {
            LogRejected(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", http.Request.Path);
            return Problem.Unauthorized("The admin token is unknown or revoked.", http);
        }

        http.Items[AdminHttpContextExtensions.ItemKey] = principal;
        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an unknown admin token from {RemoteAddress} on {Path}")]
    private static partial void LogRejected(ILogger logger, string remoteAddress, string path);
}
