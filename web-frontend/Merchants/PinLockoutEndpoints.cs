using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Merchants;
using Orleans;
using Loyalty.Web.Admin;
using Loyalty.Web.Catalog;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Merchants;

/// <summary>
/// A merchant's staff PIN lockout, under <c>/merchants/{merchantId}</c> (behind <see cref="MerchantAccessFilter"/>).
/// PIN grains read it from the merchant grain, so a change reaches every PIN within a minute.
/// </summary>
public static class PinLockoutEndpoints
{
    public static RouteGroupBuilder MapPinLockoutEndpoints(this RouteGroupBuilder merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        merchant.MapGet("/pin-lockout", GetAsync)
            .WithName("GetPinLockout")
            .WithSummary("The merchant's staff PIN lockout (default: 5 failures lock for 15 minutes).")
            .Produces<PinLockoutResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        merchant.MapPut("/pin-lockout", SetAsync)
            .WithName("SetPinLockout")
            .WithSummary("Sets how many failures in a row (1 to 100) lock a staff PIN, and for how many minutes (1 to 1440); audited.")
            .Produces<PinLockoutResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return merchant;
    }

    private static async Task<IResult> GetAsync(Guid merchantId, IGrainFactory grains)
    {
        var merchant = grains.GetGrain<IMerchantGrain>(merchantId);
        return await merchant.GetAsync() is null
            ? Problem.MerchantNotFound($"Merchant {merchantId} does not exist.")
            : TypedResults.Ok(PinLockoutResponse.From(await merchant.GetPinLockoutAsync()));
    }

    private static async Task<IResult> SetAsync(Guid merchantId, PinLockoutRequest request, HttpContext context, CatalogCommands catalog)
    {
        var result = await catalog.SetPinLockoutAsync(merchantId, request, AuditActors.ForAdminToken(context.GetAdmin().TokenId));
        return result.Succeeded ? TypedResults.Ok(PinLockoutResponse.From(result.Value)) : CommandProblems.ToProblem(result.Error);
    }
}
