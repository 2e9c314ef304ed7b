using System.Globalization;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Admin;

/// <summary>The admin API's <c>?page=1&amp;pageSize=50</c>: pages from 1, at most <see cref="MaxPageSize"/> items.</summary>
public static class AdminPaging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// The page and its size; a bad value is a field error on <paramref name="problem"/>. The values arrive as text so
    /// that "abc" is a field error like "0" is, not a bare binding failure.
    /// </summary>
    public static (int Page, int PageSize) Parse(string? page, string? pageSize, ValidationProblem problem) =>
        (ParseOne(page, 1, int.MaxValue, "page", problem), ParseOne(pageSize, DefaultPageSize, MaxPageSize, "pageSize", problem));

    private static int ParseOne(string? value, int fallback, int max, string field, ValidationProblem problem)
    {
        if (value is null)
            return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
            return number;
        problem.Add(field, $"Must be a whole number from 1 to {max}.");
        return fallback;
    }
}
