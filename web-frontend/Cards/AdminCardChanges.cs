using Loyalty.GrainInterfaces.Cards;
using Loyalty.Web.Problems;
using Loyalty.Web.Terminal;
using Orleans;

namespace Loyalty.Web.Cards;

/// <summary>
/// The admin changes to a card (adjust, void, block, unblock): their request checks and the card grain command each one
/// is. The admin API and the admin pages both go through here, so both apply the same limits, the same rules and the
/// same idempotency (a key is the merchant's, whichever door it came through), with the acting person or token as the
/// audit actor. Checks answer field names as the API's JSON names them; the pages localize them.
/// </summary>
public static class AdminCardChanges
{
    public const int MaxReasonLength = 500;
    public const int MaxStampsDelta = 1000;
    public const long MaxPointsDelta = 1_000_000_000;

    public static ValidationProblem Validate(AdjustmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Common(request.Reason, request.IdempotencyKey)
            .When(request.StampsDelta is < -MaxStampsDelta or > MaxStampsDelta, "stampsDelta", $"stampsDelta is -{MaxStampsDelta} to {MaxStampsDelta}.")
            .When(request.PointsDelta is < -MaxPointsDelta or > MaxPointsDelta, "pointsDelta", "pointsDelta is -1,000,000,000 to 1,000,000,000.")
            .When((request.StampsDelta ?? 0) == 0 && (request.PointsDelta ?? 0) == 0, "stampsDelta", "An adjustment changes stamps or points.");
    }

    public static ValidationProblem Validate(VoidRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Common(request.Reason, request.IdempotencyKey)
            .When(request.TransactionId is null || request.TransactionId == Guid.Empty, "transactionId", "transactionId is required.");
    }

    public static ValidationProblem Validate(CardStatusRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Common(request.Reason, request.IdempotencyKey);
    }

    /// <summary>Adds or removes stamps and/or points; call <see cref="Validate(AdjustmentRequest)"/> first.</summary>
    public static Task<CardOutcome> AdjustAsync(IGrainFactory grains, CardView card, string actor, AdjustmentRequest request) =>
        ApplyAsync(grains, card, actor, request?.IdempotencyKey, origin => new CardCommand(
            CardCommandKind.Adjustment, origin, StampsDelta: request!.StampsDelta, PointsDelta: request.PointsDelta, Reason: request.Reason!.Trim()));

    /// <summary>Reverses one earlier transaction; call <see cref="Validate(VoidRequest)"/> first.</summary>
    public static Task<CardOutcome> VoidAsync(IGrainFactory grains, CardView card, string actor, VoidRequest request) =>
        ApplyAsync(grains, card, actor, request?.IdempotencyKey, origin => new CardCommand(
            CardCommandKind.Void, origin, VoidedTransactionId: request!.TransactionId, Reason: request.Reason!.Trim()));

    /// <summary>Blocks the card (<c>card-blocked</c> for stamps, earning and redemptions); call <see cref="Validate(CardStatusRequest)"/> first.</summary>
    public static Task<CardOutcome> BlockAsync(IGrainFactory grains, CardView card, string actor, CardStatusRequest request) =>
        ApplyAsync(grains, card, actor, request?.IdempotencyKey, origin => new CardCommand(CardCommandKind.Block, origin, Reason: request!.Reason!.Trim()));

    /// <summary>Makes a blocked card active again; call <see cref="Validate(CardStatusRequest)"/> first.</summary>
    public static Task<CardOutcome> UnblockAsync(IGrainFactory grains, CardView card, string actor, CardStatusRequest request) =>
        ApplyAsync(grains, card, actor, request?.IdempotencyKey, origin => new CardCommand(CardCommandKind.Unblock, origin, Reason: request!.Reason!.Trim()));

    private static Task<CardOutcome> ApplyAsync(IGrainFactory grains, CardView card, string actor, string? idempotencyKey, Func<OperationOrigin, CardCommand> command)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var origin = new OperationOrigin(card.MerchantId, null, null, null, "UTC", idempotencyKey, null, actor);
        return grains.GetGrain<ICardGrain>(card.CardNumber).ApplyAsync(command(origin));
    }

    private static ValidationProblem Common(string? reason, string? idempotencyKey) => new ValidationProblem()
        .When(string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength, "reason", $"reason is 1 to {MaxReasonLength} characters.")
        .Text("reason", reason)
        .IdempotencyKey(idempotencyKey);
}
