using Loyalty.GrainInterfaces.Pairing;
using Orleans;
using Loyalty.Web.Stores;

namespace Loyalty.Web.Pairing;

/// <summary>Admin <c>POST /stores/{storeId}/pairing-codes</c>: a single-use code, valid 10 minutes, with its QR image.</summary>
public static class PairingCodeEndpoints
{
    // 40-bit codes collide about never; a few draws make even that case invisible to the caller.
    private const int MaxDraws = 5;

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
        Guid storeId, CreatePairingCodeRequest? request, HttpContext context, IStoreDirectory stores, IGrainFactory grains)
    {
        var (store, refusal) = await StoreAccess.AuthorizeAsync(context, stores, storeId, context.RequestAborted);
        if (refusal is not null)
            return refusal;

        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var code = PairingCodes.Generate();
            if (await grains.GetGrain<IPairingCodeGrain>(code).IssueAsync(store!.StoreId, store.MerchantId) is { } issued)
                return TypedResults.Created((string?)null, new PairingCodeResponse(issued.Code, issued.ExpiresAt, QrCodes.PngBase64(issued.Code)));
        }

        throw new InvalidOperationException($"No free pairing code after {MaxDraws} draws.");
    }
}
