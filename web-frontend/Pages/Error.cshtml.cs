using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loyalty.Web.Pages;

/// <summary>
/// The site's error page in the visitor's language: status-code pages and the exception handler re-execute site
/// requests here (a failed POST too, hence the POST handler without antiforgery: it changes nothing).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>Which text to show: NotFound, Gone (an expired link), TooManyRequests, BadRequest or ServerError.</summary>
    public string Kind { get; private set; } = "ServerError";

    public void OnGet(int status) => Show(status);

    public void OnPost(int status) => Show(status);

    private void Show(int status)
    {
        var code = status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        Kind = code switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => "NotFound",
            StatusCodes.Status410Gone => "Gone",
            StatusCodes.Status429TooManyRequests => "TooManyRequests",
            < 500 => "BadRequest",
            _ => "ServerError",
        };
    }
}
