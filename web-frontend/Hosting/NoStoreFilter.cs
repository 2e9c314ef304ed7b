using Microsoft.Net.Http.Headers;

namespace Loyalty.Web.Hosting;

/// <summary>
/// <c>Cache-Control: no-store</c> on every answer of the API group it sits on: cards carry customers' names, e-mails,
/// phones and birthdays, and pairing and token answers carry secrets, so no browser or proxy may keep a copy. On the
/// group rather than per endpoint, so an endpoint added later is covered without anyone remembering it.
/// </summary>
public sealed class NoStoreFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return next(context);
    }
}
