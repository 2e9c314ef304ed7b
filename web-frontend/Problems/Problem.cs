namespace Loyalty.Web.Problems;

/// <summary>Builds <c>application/problem+json</c> results that always carry a machine <c>code</c>.</summary>
public static class Problem
{
    public static IResult Create(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                all[key] = value;
            }
        }

        return Results.Problem(detail: detail, statusCode: status, title: title, type: $"https://loyalty.invalid/problems/{code}", extensions: all);
    }

    public static IResult Unauthorized(string detail, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Authentication required", detail);
    }

    public static IResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Not allowed", detail);
}
