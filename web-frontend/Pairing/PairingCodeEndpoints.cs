using Loyalty.Web.Stores;

namespace Loyalty.Web.Pairing;

/// <summary>Admin <c>POST /stores/{storeId}/pairing-codes</c>: a single-use code, valid 10 minutes, with its QR image.</summary>
public static class PairingCodeEndpoints
{
    public static RouteGroupBuilder MapPairingCodeEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/stores/{storeId:guid}/pairing-codes", CreateAsync)
            .WithName("CreatePairingCode")
            .Produces<PairingCodeResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<IResult> CreateAsync(
        Guid storeId, CreatePairingCodeRequest? request, HttpContext context, IStoreDirectory stores, PairingCodeIssuer issuer)
    {
        var (store, refusal) = await StoreAccess.AuthorizeAsync(context, stores, storeId, context.RequestAborted);
        if (refusal is not null)
            return refusal;

        var issued = await issuer.IssueAsync(store!.StoreId, store.MerchantId);
        return TypedResults.Created((string?)null, new PairingCodeResponse(issued.Code, issued.ExpiresAt, QrCodes.PngBase64(issued.Code)));
    }
}
