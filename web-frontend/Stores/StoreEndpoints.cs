using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Stores;
using Orleans;
using Loyalty.Web.Admin;
using Loyalty.Web.Catalog;
using Loyalty.Web.Merchants;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Stores;

/// <summary>A merchant's stores, under <c>/merchants/{merchantId}</c> (behind <see cref="MerchantAccessFilter"/>).</summary>
public static class StoreEndpoints
{
    public static RouteGroupBuilder MapStoreEndpoints(this RouteGroupBuilder merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        merchant.MapPost("/stores", CreateAsync)
            .WithName("CreateStore")
            .Produces<StoreResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        merchant.MapPut("/stores/{storeId:guid}", UpdateAsync)
            .WithName("UpdateStore")
            .WithSummary("Changes a store's name, time zone and descriptions (the slug stays); audited.")
            .Produces<StoreResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        merchant.MapGet("/stores", ListAsync)
            .WithName("ListStores")
            .WithSummary("The merchant's stores; description in ?locale= with fallback to the merchant's default, then en.")
            .Produces<IReadOnlyList<StoreResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        merchant.MapGet("/stores/{storeId:guid}", GetAsync)
            .WithName("GetStore")
            .Produces<StoreResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return merchant;
    }

    private static async Task<IResult> CreateAsync(Guid merchantId, CreateStoreRequest request, HttpContext context, CatalogCommands catalog)
    {
        var result = await catalog.CreateStoreAsync(merchantId, request, AuditActors.ForAdminToken(context.GetAdmin().TokenId));
        return result.Succeeded
            ? TypedResults.Created($"{MerchantEndpoints.Location(merchantId)}/stores/{result.Value.Id}", StoreResponse.From(result.Value))
            : CommandProblems.ToProblem(result.Error);
    }

    private static async Task<IResult> UpdateAsync(Guid merchantId, Guid storeId, UpdateStoreRequest request, HttpContext context, CatalogCommands catalog)
    {
        var result = await catalog.UpdateStoreAsync(merchantId, storeId, request, AuditActors.ForAdminToken(context.GetAdmin().TokenId));
        return result.Succeeded ? TypedResults.Ok(StoreResponse.From(result.Value)) : CommandProblems.ToProblem(result.Error);
    }

    private static async Task<IResult> ListAsync(Guid merchantId, string? locale, MerchantReadModel merchants, StoreReadModel stores, CancellationToken cancellationToken)
    {
        var defaultLocale = await merchants.FindDefaultLocaleAsync(merchantId, cancellationToken);
        if (defaultLocale is null)
        {
            return Problem.MerchantNotFound($"Merchant {merchantId} does not exist.");
        }

        return TypedResults.Ok(await stores.ListAsync(merchantId, locale, defaultLocale, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid merchantId, Guid storeId, string? locale, IGrainFactory grains)
    {
        // A store of another merchant is reported as missing: its id must reveal nothing through this merchant's routes.
        var store = await grains.GetGrain<IStoreGrain>(storeId).GetAsync(locale);
        return store is null || store.MerchantId != merchantId
            ? Problem.StoreNotFound($"Merchant {merchantId} has no store {storeId}.")
            : TypedResults.Ok(StoreResponse.From(store));
    }
}
