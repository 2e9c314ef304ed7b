namespace Loyalty.Web.Problems;

/// <summary>Builds <c>application/problem+json</c> results that always carry a machine <c>code</c>.</summary>
public static class Problem
{
    public static IResult Create(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(Details(status, code, title, detail, extensions));

    /// <summary>The problem body itself, for answers that are not sent at once (each result of a /sync).</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Details(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = $"https://loyalty.invalid/problems/{code}",
            Title = title,
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        return problem;
    }

    public static IResult Unauthorized(string detail, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Authentication required", detail);
    }

    public static IResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Not allowed", detail);

    public static IResult MerchantNotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.MerchantNotFound, "Merchant not found", detail);

    public static IResult StoreNotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.StoreNotFound, "Store not found", detail);

    public static IResult ProgramNotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.ProgramNotFound, "Program not found", detail);
}
