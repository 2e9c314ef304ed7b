using Loyalty.Web.Problems;

namespace Loyalty.Web.Admin;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;adminToken&gt;</c> on the admin API and makes the token's principal
/// available to endpoints (see <see cref="AdminHttpContextExtensions.GetAdmin"/>).
/// </summary>
public sealed partial class AdminAuthenticationFilter(AdminTokenStore tokens, ILogger<AdminAuthenticationFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return Problem.Unauthorized("Send Authorization: Bearer <admin token>.", http);
        }

        var principal = await tokens.FindAsync(header[7..].Trim(), http.RequestAborted);
        if (principal is null)
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
