using Loyalty.Web.Cards;
using Loyalty.Web.Problems;
using Loyalty.Web.Terminal.Requests;

namespace Loyalty.Web.Terminal;

/// <summary>The terminal API's card endpoints and the offline-queue sync (terminal-api-v1).</summary>
public static class TerminalCardEndpoints
{
    public static RouteGroupBuilder MapTerminalCardEndpoints(this RouteGroupBuilder terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        terminal.MapPost("/enrollments", (EnrollmentBody body, HttpContext context, TerminalCardOperations cards) =>
                Send(context, cards.EnrollAsync(context.GetDevice(), body, context.RequestAborted)))
            .WithName("Enroll").WithSummary("Enrols a customer (201), or answers with the program's existing card for that e-mail (200).")
            .Produces<CardBody>(StatusCodes.Status201Created)
            .Produces<CardBody>()
            .RateLimitedInHandler()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked)
            .TakesIdempotencyKey();
        terminal.MapGet("/cards/{cardNumber}", (string cardNumber, HttpContext context, TerminalCardOperations cards) =>
                Send(cards.GetCardAsync(context.GetDevice(), cardNumber)))
            .WithName("GetTerminalCard").WithSummary("A card's balances.")
            .Produces<CardBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        terminal.MapPost("/cards/{cardNumber}/stamps", (string cardNumber, StampRequest body, HttpContext context, TerminalCardOperations cards) =>
                Send(cards.StampAsync(context.GetDevice(), cardNumber, body, context.RequestAborted)))
            .WithName("AddStamps").WithSummary("Adds 1 to 10 stamps; each full set makes a reward available.")
            .Produces<StampResponse>()
            .CardProblems()
            .TakesIdempotencyKey();
        terminal.MapPost("/cards/{cardNumber}/stamp-redemptions", (string cardNumber, StampRedemptionRequest body, HttpContext context, TerminalCardOperations cards) =>
                Send(cards.RedeemStampsAsync(context.GetDevice(), cardNumber, body, context.RequestAborted)))
            .WithName("RedeemStampReward").WithSummary("Redeems one available stamp reward.")
            .Produces<StampResponse>()
            .CardProblems()
            .TakesIdempotencyKey();
        terminal.MapPost("/cards/{cardNumber}/points", (string cardNumber, PointsRequest body, HttpContext context, TerminalCardOperations cards) =>
                Send(cards.EarnPointsAsync(context.GetDevice(), cardNumber, body, context.RequestAborted)))
            .WithName("EarnPoints").WithSummary("Earns points for a purchase (integer minor units, rounded down).")
            .Produces<PointsResponse>()
            .CardProblems()
            .TakesIdempotencyKey();
        terminal.MapPost("/cards/{cardNumber}/point-redemptions", (string cardNumber, PointRedemptionRequest body, HttpContext context, TerminalCardOperations cards) =>
                Send(cards.RedeemPointsAsync(context.GetDevice(), cardNumber, body, context.RequestAborted)))
            .WithName("RedeemPointsReward").WithSummary("Redeems a catalogue reward for points.")
            .Produces<PointRedemptionResponse>()
            .CardProblems()
            .TakesIdempotencyKey();
        terminal.MapPost("/sync", (SyncRequest body, HttpContext context, TerminalSync sync) =>
                Send(sync.RunAsync(context.GetDevice(), body, context.RequestAborted)))
            .WithName("Sync").WithSummary("Replays the offline queue in deviceSeq order; one result per operation, as the single endpoint would answer.")
            .Produces<SyncResponse>()
            .ProducesValidationProblem()
            .TakesIdempotencyKey();
        return terminal;
    }

    // The answers every operation on an existing card may give besides its success (terminal-api-v1, Errors).
    private static RouteHandlerBuilder CardProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status423Locked);

    private static async Task<IResult> Send(Task<TerminalAnswer> answer) => (await answer).ToResult();

    private static async Task<IResult> Send(HttpContext context, Task<TerminalAnswer> pending)
    {
        var answer = await pending;
        answer.WriteHeaders(context);
        return answer.ToResult();
    }
}
