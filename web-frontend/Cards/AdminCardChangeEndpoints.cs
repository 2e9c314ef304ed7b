using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Cards;
using Orleans;
using Loyalty.Web.Admin;
using Loyalty.Web.Problems;
using Loyalty.Web.Terminal;

namespace Loyalty.Web.Cards;

/// <summary>Admin corrections to a card (adjust with a reason, void a transaction) and its ledger check. Each change is audited.</summary>
public static class AdminCardChangeEndpoints
{
    public const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapAdminCardChangeEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/cards/{cardNumber}/adjustments", AdjustAsync)
            .WithName("AdjustCard").WithSummary("Adds or removes stamps and/or points, with a reason (never below zero).")
            .Produces<CardChangeResponse>().CardAccessProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).TakesIdempotencyKey();
        admin.MapPost("/cards/{cardNumber}/voids", VoidAsync)
            .WithName("VoidTransaction").WithSummary("Reverses one earlier transaction of the card, once.")
            .Produces<CardChangeResponse>().CardAccessProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).TakesIdempotencyKey();
        admin.MapGet("/cards/{cardNumber}/ledger-verification", VerifyAsync)
            .WithName("VerifyCardLedger").WithSummary("Recomputes the card's hash chain from the stored ledger: detects edited, removed or reordered entries.")
            .Produces<LedgerVerificationResponse>().CardAccessProblems();
        return admin;
    }

    private static async Task<IResult> AdjustAsync(string cardNumber, AdjustmentRequest body, HttpContext context, IGrainFactory grains)
    {
        var validation = Common(new ValidationProblem(), body.Reason, body.IdempotencyKey)
            .When(body.StampsDelta is < -1000 or > 1000, "stampsDelta", "stampsDelta is -1000 to 1000.")
            .When(body.PointsDelta is < -1_000_000_000 or > 1_000_000_000, "pointsDelta", "pointsDelta is -1,000,000,000 to 1,000,000,000.")
            .When((body.StampsDelta ?? 0) == 0 && (body.PointsDelta ?? 0) == 0, "stampsDelta", "An adjustment changes stamps or points.");
        return validation.HasErrors
            ? validation.ToResult()
            : await ChangeAsync(cardNumber, context, grains, origin => new CardCommand(
                CardCommandKind.Adjustment, origin with { IdempotencyKey = body.IdempotencyKey! }, StampsDelta: body.StampsDelta, PointsDelta: body.PointsDelta, Reason: body.Reason!.Trim()));
    }

    private static async Task<IResult> VoidAsync(string cardNumber, VoidRequest body, HttpContext context, IGrainFactory grains)
    {
        var validation = Common(new ValidationProblem(), body.Reason, body.IdempotencyKey)
            .When(body.TransactionId is null || body.TransactionId == Guid.Empty, "transactionId", "transactionId is required.");
        return validation.HasErrors
            ? validation.ToResult()
            : await ChangeAsync(cardNumber, context, grains, origin => new CardCommand(
                CardCommandKind.Void, origin with { IdempotencyKey = body.IdempotencyKey! }, VoidedTransactionId: body.TransactionId, Reason: body.Reason!.Trim()));
    }

    private static async Task<IResult> VerifyAsync(string cardNumber, HttpContext context, IGrainFactory grains)
    {
        var (card, problem) = await AdminCardAccess.FindAsync(cardNumber, context, grains);
        if (problem is not null)
        {
            return problem;
        }

        var result = await grains.GetGrain<ICardGrain>(card!.CardNumber).VerifyLedgerAsync();
        return TypedResults.Ok(new LedgerVerificationResponse(result.IsValid, result.EntriesChecked, result.FirstBadSequence, result.Problem));
    }

    private static async Task<IResult> ChangeAsync(string cardNumber, HttpContext context, IGrainFactory grains, Func<OperationOrigin, CardCommand> command)
    {
        var (card, problem) = await AdminCardAccess.FindAsync(cardNumber, context, grains);
        if (problem is not null)
        {
            return problem;
        }

        var actor = AuditActors.ForAdminToken(context.GetAdmin().TokenId);
        var origin = new OperationOrigin(card!.MerchantId, null, null, null, "UTC", string.Empty, null, actor);
        var outcome = await grains.GetGrain<ICardGrain>(card.CardNumber).ApplyAsync(command(origin));
        return CardOutcomeResults.ToAnswer(outcome, o => Terminal.TerminalAnswer.Ok(
            new CardChangeResponse(o.TransactionId!.Value, o.Balance!.Stamps, o.Balance.Points, o.Balance.RewardsAvailable))).ToResult();
    }

    private static ValidationProblem Common(ValidationProblem problem, string? reason, string? idempotencyKey) => problem
        .When(string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength, "reason", $"reason is 1 to {MaxReasonLength} characters.")
        .Text("reason", reason)
        .IdempotencyKey(idempotencyKey);
}
