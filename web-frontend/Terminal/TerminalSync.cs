using Loyalty.Web.Problems;
using Loyalty.Web.Terminal.Requests;

namespace Loyalty.Web.Terminal;

/// <summary>
/// The offline queue: operations run one after the other in <c>deviceSeq</c> order (a later stamp may depend on an
/// earlier enrolment), each through the same code as its single endpoint, and one failure does not stop the others.
/// </summary>
public sealed class TerminalSync(TerminalCardOperations cards)
{
    public async Task<TerminalAnswer> RunAsync(TerminalDevice device, SyncRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var operations = body.Operations;
        var validation = new ValidationProblem()
            .When(operations is null, "operations", "operations is required.")
            .When(operations is { Count: > SyncRequest.MaxOperations }, "operations", $"At most {SyncRequest.MaxOperations} operations per sync.");
        for (var i = 0; operations is not null && i < operations.Count; i++)
        {
            validation
                .When(operations[i] is null, $"operations[{i}]", "An operation is required.")
                .When(operations[i] is { DeviceSeq: null }, $"operations[{i}].deviceSeq", "deviceSeq is required.");
        }

        if (!validation.HasErrors && operations is not null && operations.Select(o => o.DeviceSeq).Distinct().Count() != operations.Count)
        {
            validation.Add("operations", "Each deviceSeq appears once.");
        }

        if (validation.HasErrors)
        {
            return TerminalAnswer.Invalid(validation);
        }

        var results = new List<SyncResult>(operations!.Count);
        foreach (var operation in operations.OrderBy(o => o.DeviceSeq))
        {
            TerminalAnswer answer;
            try
            {
                answer = await RunOneAsync(device, operation, cancellationToken);
            }
            catch (Exception exception) when (ProblemExceptionHandler.IsRetryable(exception))
            {
                // Like the single endpoint's 503: the tablet keeps the operation queued and retries it with its key.
                answer = TerminalAnswer.Problem(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "Temporarily unavailable", "Retry shortly with the same idempotency key.");
            }

            results.Add(new SyncResult(operation.IdempotencyKey, answer.Status, answer.Body));
        }

        return TerminalAnswer.Ok(new SyncResponse(results));
    }

    private Task<TerminalAnswer> RunOneAsync(TerminalDevice device, SyncOperation o, CancellationToken cancellationToken) => o.Kind switch
    {
        "enrollment" => cards.EnrollAsync(device, new(o.ProgramId, o.Email, o.Name, o.Phone, o.Birthday, o.Locale, o.PinId, o.IdempotencyKey, o.OccurredAt), cancellationToken),
        "stamp" => cards.StampAsync(device, o.CardNumber ?? string.Empty, new(o.Count, o.PinId, o.IdempotencyKey, o.OccurredAt), cancellationToken),
        "stampRedemption" => cards.RedeemStampsAsync(device, o.CardNumber ?? string.Empty, new(o.PinId, o.IdempotencyKey, o.OccurredAt), cancellationToken),
        "points" => cards.EarnPointsAsync(device, o.CardNumber ?? string.Empty, new(o.PurchaseAmountMinor, o.Currency, o.PinId, o.IdempotencyKey, o.OccurredAt), cancellationToken),
        "pointRedemption" => cards.RedeemPointsAsync(device, o.CardNumber ?? string.Empty, new(o.RewardId, o.PinId, o.IdempotencyKey, o.OccurredAt), cancellationToken),
        _ => Task.FromResult(TerminalAnswer.Invalid(new ValidationProblem().Add("kind", "kind is enrollment, stamp, stampRedemption, points or pointRedemption."))),
    };
}
