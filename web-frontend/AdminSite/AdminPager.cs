using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace Loyalty.Web.AdminSite;

/// <summary>
/// A list page's position for the <c>_Pager</c> partial: page (from 1), page size and the list's total. Links keep the
/// page's other query values (its filters) and set <c>page</c>.
/// </summary>
public sealed record AdminPager(int Page, int PageSize, long Total)
{
    public const string QueryKey = "page";
    public const int DefaultPageSize = 25;

    public int PageCount => Total == 0 ? 1 : (int)Math.Min(int.MaxValue, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>The page asked for in <c>?page=</c>: a whole number from 1, else the first page.</summary>
    public static int ParsePage(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;

    /// <summary>The current address with <c>?page=</c> set to <paramref name="page"/>.</summary>
    public static string LinkFor(HttpRequest request, int page)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryBuilder(request.Query
            .Where(pair => !string.Equals(pair.Key, QueryKey, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value ?? ""))))
        {
            { QueryKey, page.ToString(CultureInfo.InvariantCulture) },
        };
        return request.PathBase + request.Path + query.ToQueryString();
    }
}
