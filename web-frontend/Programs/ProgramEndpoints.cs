using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Programs;
using Orleans;
using Loyalty.Web.Admin;
using Loyalty.Web.Catalog;
using Loyalty.Web.Merchants;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Programs;

/// <summary>A merchant's loyalty programs, under <c>/merchants/{merchantId}</c> (behind <see cref="MerchantAccessFilter"/>).</summary>
public static class ProgramEndpoints
{
    public static RouteGroupBuilder MapProgramEndpoints(this RouteGroupBuilder merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        merchant.MapPost("/programs", CreateAsync)
            .WithName("CreateProgram")
            .WithSummary("Creates a stamps, points or hybrid program; reward ids are generated.")
            .Produces<ProgramResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        merchant.MapPut("/programs/{programId:guid}", UpdateAsync)
            .WithName("UpdateProgram")
            .WithSummary("Replaces a program's rules (the kind stays; rewards keep their ids, new ones get one); audited; cards apply them within a minute.")
            .Produces<ProgramResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        merchant.MapGet("/programs", ListAsync)
            .WithName("ListPrograms")
            .Produces<IReadOnlyList<ProgramResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        merchant.MapGet("/programs/{programId:guid}", GetAsync)
            .WithName("GetProgram")
            .Produces<ProgramResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return merchant;
    }

    private static async Task<IResult> CreateAsync(Guid merchantId, CreateProgramRequest request, HttpContext context, CatalogCommands catalog)
    {
        var result = await catalog.CreateProgramAsync(merchantId, request, AuditActors.ForAdminToken(context.GetAdmin().TokenId));
        return result.Succeeded
            ? TypedResults.Created($"{MerchantEndpoints.Location(merchantId)}/programs/{result.Value.Id}", ProgramResponse.From(result.Value))
            : CommandProblems.ToProblem(result.Error);
    }

    private static async Task<IResult> UpdateAsync(Guid merchantId, Guid programId, UpdateProgramRequest request, HttpContext context, CatalogCommands catalog)
    {
        var result = await catalog.UpdateProgramAsync(merchantId, programId, request, AuditActors.ForAdminToken(context.GetAdmin().TokenId));
        return result.Succeeded ? TypedResults.Ok(ProgramResponse.From(result.Value)) : CommandProblems.ToProblem(result.Error);
    }

    private static async Task<IResult> ListAsync(Guid merchantId, MerchantReadModel merchants, ProgramReadModel programs, CancellationToken cancellationToken)
    {
        if (await merchants.FindDefaultLocaleAsync(merchantId, cancellationToken) is null)
        {
            return Problem.MerchantNotFound($"Merchant {merchantId} does not exist.");
        }

        var list = await programs.ListAsync(merchantId, cancellationToken);
        return TypedResults.Ok(list.Select(ProgramResponse.From).ToList());
    }

    private static async Task<IResult> GetAsync(Guid merchantId, Guid programId, IGrainFactory grains)
    {
        // A program of another merchant is reported as missing, like an unknown id.
        var program = await grains.GetGrain<IProgramGrain>(programId).GetAsync();
        return program is null || !string.Equals(program.MerchantId, merchantId.ToString("D"), StringComparison.Ordinal)
            ? Problem.ProgramNotFound($"Merchant {merchantId} has no program {programId}.")
            : TypedResults.Ok(ProgramResponse.From(program));
    }
}
