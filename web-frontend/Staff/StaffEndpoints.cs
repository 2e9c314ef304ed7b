using Loyalty.GrainInterfaces.Pins;
using Orleans;
using Loyalty.Web.Problems;
using Loyalty.Web.Terminal;

namespace Loyalty.Web.Staff;

/// <summary>Terminal endpoints for the paired store's staff PINs: the list for offline checks, online checks, offline failures.</summary>
public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffEndpoints(this RouteGroupBuilder terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        terminal.MapGet("/staff", ListAsync)
            .WithName("ListStaffPins")
            .Produces<IReadOnlyList<StaffPinResponse>>();
        terminal.MapPost("/staff/{pinId}/verify", VerifyAsync)
            .WithName("VerifyStaffPin")
            .RateLimitedBy(TerminalRateLimits.PinVerification)
            .Produces<VerifyPinResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status423Locked);
        terminal.MapPost("/staff/{pinId}/failed-attempts", RecordFailedAttemptsAsync)
            .WithName("RecordOfflinePinFailures")
            .Produces<FailedAttemptsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return terminal;
    }

    private static async Task<IResult> ListAsync(HttpContext context, StaffDirectory staff, CancellationToken cancellationToken) =>
        TypedResults.Ok(await staff.ListAsync(context.GetDevice().StoreId, cancellationToken));

    private static async Task<IResult> VerifyAsync(string pinId, VerifyPinRequest request, HttpContext context, IGrainFactory grains)
    {
        if (!Guid.TryParse(pinId, out var id))
            return PinProblems.NotFound(pinId);

        // A PIN that is not 4 to 8 digits can never be right: it is bad input, refused without counting toward the
        // lockout or changing anything. A guesser learns only the format, which the contract states.
        if (!StaffPinFormat.IsWellFormed(request.Pin))
            return new ValidationProblem().Add("pin", StaffPinFormat.Message).ToResult();
        var result = await grains.GetGrain<IPinGrain>(id).VerifyAsync(context.GetDevice().StoreId, request.Pin);
        return result.Outcome switch
        {
            PinVerificationOutcome.Valid => TypedResults.Ok(new VerifyPinResponse(true)),
            PinVerificationOutcome.Invalid => PinProblems.Invalid(result.AttemptsRemaining),
            PinVerificationOutcome.Locked => PinProblems.Locked(result.LockedUntil),
            PinVerificationOutcome.Forbidden => PinProblems.Forbidden(),
            _ => PinProblems.NotFound(pinId),
        };
    }

    private static async Task<IResult> RecordFailedAttemptsAsync(string pinId, FailedAttemptsRequest request, HttpContext context, IGrainFactory grains)
    {
        if (!Guid.TryParse(pinId, out var id))
            return PinProblems.NotFound(pinId);
        var validation = new ValidationProblem()
            .When(request.Count is null, "count", "A count is required.")
            .When(request.Count is < 1 or > FailedAttemptsRequest.MaxCount, "count", $"Must be between 1 and {FailedAttemptsRequest.MaxCount}.")
            .When(request.LastAttemptAt is null, "lastAttemptAt", "The time of the last failed attempt is required.");
        if (validation.HasErrors)
            return validation.ToResult();

        var result = await grains.GetGrain<IPinGrain>(id)
            .RecordOfflineFailuresAsync(context.GetDevice().StoreId, request.Count!.Value, request.LastAttemptAt!.Value);
        return result.Outcome switch
        {
            PinVerificationOutcome.Recorded or PinVerificationOutcome.Locked =>
                TypedResults.Ok(new FailedAttemptsResponse(result.LockedUntil is not null, result.LockedUntil)),
            PinVerificationOutcome.Forbidden => PinProblems.Forbidden(),
            _ => PinProblems.NotFound(pinId),
        };
    }
}
