using Loyalty.GrainInterfaces.Cards;
using Loyalty.Web.Problems;
using Loyalty.Web.Terminal;

namespace Loyalty.Web.Cards;

/// <summary>
/// Turns a card grain's outcome into the terminal contract's answer (status and body). The mapping depends only on the outcome, so a
/// replayed outcome gives the same status and body as the first time.
/// </summary>
public static class CardOutcomeResults
{
    public static TerminalAnswer ToAnswer(CardOutcome outcome, Func<CardOutcome, TerminalAnswer> success)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(success);
        return outcome.Status switch
        {
            CardOutcomeStatus.Applied or CardOutcomeStatus.Existing => success(outcome),
            CardOutcomeStatus.KeyReused => TerminalAnswer.Problem(StatusCodes.Status409Conflict, "idempotency-key-reused", "Idempotency key reused", outcome.Error?.Message),
            CardOutcomeStatus.NotFound => TerminalAnswer.Problem(StatusCodes.Status404NotFound, "card-not-found", "Card not found", outcome.Error?.Message),
            _ => Refused(outcome.Error ?? new CardError("internal", "The operation was refused without a reason.")),
        };
    }

    private static TerminalAnswer Refused(CardError error)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (error.RetryAt is { } retryAt)
        {
            extensions["retryAt"] = retryAt;
        }

        if (error.Errors is { } errors)
        {
            extensions["errors"] = errors;
        }

        return TerminalAnswer.Problem(StatusOf(error.Code), error.Code, TitleOf(error.Code), error.Message, extensions);
    }

    public static int StatusOf(string code) => code switch
    {
        ProblemCodes.Validation => StatusCodes.Status400BadRequest,
        ProblemCodes.Forbidden => StatusCodes.Status403Forbidden,
        "card-not-found" or "program-not-found" or "reward-not-found" or "pin-not-found" or "transaction-not-found" => StatusCodes.Status404NotFound,
        "idempotency-key-reused" => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static string TitleOf(string code) => code switch
    {
        "cooldown-active" => "Stamp cooldown active",
        "daily-limit-reached" => "Daily limit reached",
        "insufficient-stamps" => "No reward available",
        "insufficient-points" => "Not enough points",
        "card-inactive" => "Card inactive",
        "card-blocked" => "Card blocked",
        "card-not-blocked" => "Card not blocked",
        ProblemCodes.Validation => "The request is invalid",
        _ => "The operation was refused",
    };
}
