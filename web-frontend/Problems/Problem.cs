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

    public static IResult Unauthorized(string detail) =>
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Authentication required", detail);

    public static IResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Not allowed", detail);

    public static IResult MerchantNotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.MerchantNotFound, "Merchant not found", detail);

    public static IResult StoreNotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.StoreNotFound, "Store not found", detail);

    public static IResult ProgramNotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.ProgramNotFound, "Program not found", detail);
}
