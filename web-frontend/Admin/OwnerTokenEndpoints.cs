using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Admin;

/// <summary>
/// A merchant's owner tokens, under <c>/merchants/{merchantId}</c>: platform admins issue, list and revoke them
/// (audited with the acting admin token). The token is shown once, at creation; only its SHA-256 is stored.
/// </summary>
public static partial class OwnerTokenEndpoints
{
    public static RouteGroupBuilder MapOwnerTokenEndpoints(this RouteGroupBuilder merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var tokens = merchant.MapGroup("/owner-tokens").AddEndpointFilter<PlatformAdminFilter>();
        tokens.MapPost("", CreateAsync)
            .WithName("CreateOwnerToken")
            .WithSummary("Issues a merchant-owner token (platform admins only); the token is in this answer and never again.")
            .Produces<CreatedOwnerTokenResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tokens.MapGet("", ListAsync)
            .WithName("ListOwnerTokens")
            .WithSummary("The merchant's owner tokens with created, last-used and revoked times (platform admins only).")
            .Produces<IReadOnlyList<OwnerTokenResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tokens.MapPost("/{tokenId:guid}/revoke", RevokeAsync)
            .WithName("RevokeOwnerToken")
            .WithSummary("Revokes a merchant-owner token (platform admins only); its next request is refused.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return merchant;
    }

    private static async Task<IResult> CreateAsync(
        Guid merchantId, CreateOwnerTokenRequest request, HttpContext context, OwnerTokenStore tokens, ILoggerFactory loggers)
    {
        var name = request.Name?.Trim();
        var validation = new ValidationProblem()
            .When(string.IsNullOrEmpty(name), "name", "A name is required.")
            .When(name?.Length > CreateOwnerTokenRequest.MaxNameLength, "name", $"At most {CreateOwnerTokenRequest.MaxNameLength} characters.")
            .When(name?.Any(char.IsControl) == true, "name", "Control characters are not allowed.");
        if (validation.HasErrors)
            return validation.ToResult();

        var admin = context.GetAdmin();
        var created = await tokens.CreateAsync(merchantId, name!, AuditActors.ForAdminToken(admin.TokenId), context.RequestAborted);
        if (created is null)
            return Problem.MerchantNotFound($"Merchant {merchantId} does not exist.");
        LogCreated(loggers.CreateLogger(typeof(OwnerTokenEndpoints).FullName!), created.Id, merchantId, admin.TokenId);
        return TypedResults.Created((string?)null, created);
    }

    private static async Task<IResult> ListAsync(Guid merchantId, Merchants.MerchantReadModel merchants, OwnerTokenStore tokens, CancellationToken cancellationToken) =>
        await merchants.FindDefaultLocaleAsync(merchantId, cancellationToken) is null
            ? Problem.MerchantNotFound($"Merchant {merchantId} does not exist.")
            : TypedResults.Ok(await tokens.ListAsync(merchantId, cancellationToken));

    private static async Task<IResult> RevokeAsync(Guid merchantId, Guid tokenId, HttpContext context, OwnerTokenStore tokens, ILoggerFactory loggers)
    {
        var admin = context.GetAdmin();
        if (!await tokens.RevokeAsync(merchantId, tokenId, AuditActors.ForAdminToken(admin.TokenId), context.RequestAborted))
            return Problem.Create(StatusCodes.Status404NotFound, ProblemCodes.AdminTokenNotFound, "Token not found", $"Merchant {merchantId} has no owner token {tokenId}.");
        LogRevoked(loggers.CreateLogger(typeof(OwnerTokenEndpoints).FullName!), tokenId, merchantId, admin.TokenId);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued owner token {TokenId} for merchant {MerchantId} (admin token {AdminTokenId})")]
    private static partial void LogCreated(ILogger logger, Guid tokenId, Guid merchantId, Guid adminTokenId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked owner token {TokenId} of merchant {MerchantId} (admin token {AdminTokenId})")]
    private static partial void LogRevoked(ILogger logger, Guid tokenId, Guid merchantId, Guid adminTokenId);
}
