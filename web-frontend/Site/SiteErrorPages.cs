using Microsoft.AspNetCore.Diagnostics;

namespace Loyalty.Web.Site;

/// <summary>
/// Sits inside the site's status-code pages (which re-execute <c>/error/{status}</c>): for API requests it turns them
/// off, so the APIs keep their problem+json answers; for site requests it turns an unhandled exception into a bare 500,
/// which the status-code pages then render as the error page in the visitor's language.
/// </summary>
public sealed partial class SiteErrorPages(RequestDelegate next, ILogger<SiteErrorPages> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!SitePaths.IsSite(context))
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The visitor went away; nobody is left to answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on site page {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
