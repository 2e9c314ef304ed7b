using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Merchants;
using Orleans;
using Loyalty.Web.Admin;
using Loyalty.Web.Catalog;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Merchants;

/// <summary>Merchants (tenants): platform admins create them; owners read their own.</summary>
public static class MerchantEndpoints
{
    public static RouteGroupBuilder MapMerchantEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/merchants", CreateAsync)
            .WithName("CreateMerchant")
            .WithSummary("Creates a merchant (platform admins only); 409 conflict when the slug is taken.")
            .Produces<MerchantResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/merchants", ListAsync)
            .WithName("ListMerchants")
            .WithSummary("Merchants with their stores' ids and names, oldest first (?page=1&pageSize=50); a merchant owner sees only its own.")
            .Produces<MerchantPage>()
            .ProducesValidationProblem();
        admin.MapGet("/merchants/{merchantId:guid}", GetAsync)
            .AddEndpointFilter<MerchantAccessFilter>()
            .WithName("GetMerchant")
            .Produces<MerchantResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    public static string Location(Guid merchantId) => $"{AdminApiEndpoints.BasePath}/merchants/{merchantId}";

    private static async Task<IResult> CreateAsync(CreateMerchantRequest request, HttpContext context, CatalogCommands catalog)
    {
        var admin = context.GetAdmin();
        if (!admin.IsPlatformAdmin)
        {
            return Problem.Forbidden("Only platform admins create merchants.");
        }

        var result = await catalog.CreateMerchantAsync(request, AuditActors.ForAdminToken(admin.TokenId));
        return result.Succeeded
            ? TypedResults.Created(Location(result.Value.Id), MerchantResponse.From(result.Value))
            : CommandProblems.ToProblem(result.Error);
    }

    private static async Task<IResult> ListAsync(string? page, string? pageSize, HttpContext context, MerchantReadModel merchants, CancellationToken cancellationToken)
    {
        var problem = new ValidationProblem();
        var (pageNumber, size) = AdminPaging.Parse(page, pageSize, problem);
        if (problem.HasErrors)
            return problem.ToResult();

        // An owner token without a merchant (none is issued so) sees nothing rather than everything.
        var admin = context.GetAdmin();
        var only = admin.IsPlatformAdmin ? (Guid?)null : admin.MerchantId ?? Guid.Empty;
        return TypedResults.Ok(await merchants.PageAsync(only, pageNumber, size, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid merchantId, IGrainFactory grains)
    {
        var merchant = await grains.GetGrain<IMerchantGrain>(merchantId).GetAsync();
        return merchant is null
            ? Problem.MerchantNotFound($"Merchant {merchantId} does not exist.")
            : TypedResults.Ok(MerchantResponse.From(merchant));
    }
}
