using System.Globalization;
using Loyalty.Web.Admin;
using Loyalty.Web.Merchants;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Audit;

/// <summary>A merchant's audit log, under <c>/merchants/{merchantId}</c> (behind <see cref="MerchantAccessFilter"/>).</summary>
public static class AuditLogEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapAuditLogEndpoints(this RouteGroupBuilder merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        merchant.MapGet("/audit-log", GetAsync)
            .WithName("GetAuditLog")
            .WithSummary("Admin changes to the merchant, newest first (?page=1&pageSize=50).")
            .Produces<AuditLogResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return merchant;
    }

    // Paging values arrive as text so that "abc" is a field error like "0" is, not a bare binding failure.
    private static async Task<IResult> GetAsync(
        Guid merchantId, string? page, string? pageSize, MerchantReadModel merchants, AuditLogReadModel auditLog, CancellationToken cancellationToken)
    {
        var problem = new ValidationProblem();
        var pageNumber = ParsePaging(page, 1, int.MaxValue, "page", problem);
        var size = ParsePaging(pageSize, DefaultPageSize, MaxPageSize, "pageSize", problem);
        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        if (await merchants.FindDefaultLocaleAsync(merchantId, cancellationToken) is null)
        {
            return Problem.MerchantNotFound($"Merchant {merchantId} does not exist.");
        }

        return TypedResults.Ok(await auditLog.PageAsync(merchantId, pageNumber, size, cancellationToken));
    }

    /// <summary>A paging value from the query string: absent → <paramref name="fallback"/>, invalid → a field error.</summary>
    internal static int ParsePaging(string? value, int fallback, int max, string field, ValidationProblem problem)
    {
        if (value is null)
            return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
            return number;
        problem.Add(field, $"Must be a whole number from 1 to {max}.");
        return fallback;
    }
}
