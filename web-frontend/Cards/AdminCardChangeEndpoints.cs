using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Cards;
using Orleans;
using Loyalty.Web.Admin;
using Loyalty.Web.Problems;
using Loyalty.Web.Terminal;

namespace Loyalty.Web.Cards;

/// <summary>
/// Admin corrections to a card (adjust with a reason, void a transaction, block, unblock) and its ledger check. Each change
/// is audited; the checks and the grain commands are <see cref="AdminCardChanges"/>', shared with the admin pages.
/// </summary>
public static class AdminCardChangeEndpoints
{
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
        admin.MapPost("/cards/{cardNumber}/block", BlockAsync)
            .WithName("BlockCard").WithSummary("Blocks an active card: stamps, earning and redemptions answer card-blocked until it is unblocked.")
            .Produces<CardChangeResponse>().CardAccessProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).TakesIdempotencyKey();
        admin.MapPost("/cards/{cardNumber}/unblock", UnblockAsync)
            .WithName("UnblockCard").WithSummary("Makes a blocked card active again.")
            .Produces<CardChangeResponse>().CardAccessProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).TakesIdempotencyKey();
        admin.MapGet("/cards/{cardNumber}/ledger-verification", VerifyAsync)
            .WithName("VerifyCardLedger").WithSummary("Recomputes the card's hash chain from the stored ledger: detects edited, removed or reordered entries.")
            .Produces<LedgerVerificationResponse>().CardAccessProblems();
        return admin;
    }

    private static async Task<IResult> AdjustAsync(string cardNumber, AdjustmentRequest body, HttpContext context, IGrainFactory grains) =>
        AdminCardChanges.Validate(body) is { HasErrors: true } validation
            ? validation.ToResult()
            : await ChangeAsync(cardNumber, context, grains, (card, actor) => AdminCardChanges.AdjustAsync(grains, card, actor, body));

    private static async Task<IResult> VoidAsync(string cardNumber, VoidRequest body, HttpContext context, IGrainFactory grains) =>
        AdminCardChanges.Validate(body) is { HasErrors: true } validation
            ? validation.ToResult()
            : await ChangeAsync(cardNumber, context, grains, (card, actor) => AdminCardChanges.VoidAsync(grains, card, actor, body));

    private static async Task<IResult> BlockAsync(string cardNumber, CardStatusRequest body, HttpContext context, IGrainFactory grains) =>
        AdminCardChanges.Validate(body) is { HasErrors: true } validation
            ? validation.ToResult()
            : await ChangeAsync(cardNumber, context, grains, (card, actor) => AdminCardChanges.BlockAsync(grains, card, actor, body));

    private static async Task<IResult> UnblockAsync(string cardNumber, CardStatusRequest body, HttpContext context, IGrainFactory grains) =>
        AdminCardChanges.Validate(body) is { HasErrors: true } validation
            ? validation.ToResult()
            : await ChangeAsync(cardNumber, context, grains, (card, actor) => AdminCardChanges.UnblockAsync(grains, card, actor, body));

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

    private static async Task<IResult> ChangeAsync(string cardNumber, HttpContext context, IGrainFactory grains, Func<CardView, string, Task<CardOutcome>> change)
    {
        var (card, problem) = await AdminCardAccess.FindAsync(cardNumber, context, grains);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await change(card!, AuditActors.ForAdminToken(context.GetAdmin().TokenId));
        return CardOutcomeResults.ToAnswer(outcome, o => TerminalAnswer.Ok(
            new CardChangeResponse(o.TransactionId!.Value, o.Balance!.Stamps, o.Balance.Points, o.Balance.RewardsAvailable))).ToResult();
    }
}
