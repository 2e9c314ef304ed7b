using Loyalty.Web.Admin;
using Loyalty.Web.Merchants;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Audit;

/// <summary>A merchant's audit log, under <c>/merchants/{merchantId}</c> (behind <see cref="MerchantAccessFilter"/>).</summary>
public static class AuditLogEndpoints
{
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

    private static async Task<IResult> GetAsync(
        Guid merchantId, string? page, string? pageSize, MerchantReadModel merchants, AuditLogReadModel auditLog, CancellationToken cancellationToken)
    {
        var problem = new ValidationProblem();
        var (pageNumber, size) = AdminPaging.Parse(page, pageSize, problem);
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
}
