using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Orleans;
using Loyalty.Web.Cards;
using Loyalty.Web.Problems;
using Loyalty.Web.Terminal.Requests;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Terminal;

/// <summary>
/// The terminal's card operations, each validated, authorised by a staff PIN of the device's store, and sent to the
/// card's grain. Both the single endpoints and /sync call these, so their answers are the same.
/// </summary>
public sealed class TerminalCardOperations(
    IGrainFactory grains, IStaffPinGate pins, IStoreTimeZones zones, TerminalEnrollmentLimiter enrollments, IOptions<TerminalOptions> options, TimeProvider time)
{
    public async Task<TerminalAnswer> EnrollAsync(TerminalDevice device, EnrollmentBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(body);
        if (enrollments.TryAcquire(device.DeviceId) is { } limited)
        {
            return limited;
        }

        var now = time.GetUtcNow();
        var validation = new ValidationProblem()
            .Customer(body.ProgramId, body.Email, body.Name, body.Phone, body.Birthday, body.Locale, DateOnly.FromDateTime(now.UtcDateTime))
            .Common(body.PinId, body.IdempotencyKey)
            .OccurredAt(body.OccurredAt, device, now, options.Value.OfflineWindow);
        if (validation.HasErrors)
        {
            return TerminalAnswer.Invalid(validation);
        }

        var program = await grains.GetGrain<IProgramGrain>(body.ProgramId!.Value).GetAsync();
        if (program is null)
        {
            return TerminalAnswer.Problem(StatusCodes.Status404NotFound, "program-not-found", "Program not found", $"No program has id {body.ProgramId}.");
        }

        if (program.MerchantId != device.MerchantId.ToString("D"))
        {
            return TerminalAnswer.Problem(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Not allowed", "The program belongs to another merchant.");
        }

        if (await pins.CheckAsync(device, body.PinId!.Value, cancellationToken) is { } refused)
        {
            return refused;
        }

        var origin = await OriginAsync(device, body.PinId.Value, body.IdempotencyKey!, body.OccurredAt, cancellationToken);

        var customer = new CustomerProfile(body.Name!.Trim(), body.Email!.Trim(), body.Phone?.Trim(), body.Birthday, body.Locale ?? "en");
        var request = new EnrollmentRequest(body.ProgramId.Value, customer, origin);
        var outcome = await grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(body.ProgramId.Value, customer.Email)).EnrollAsync(request);
        return CardOutcomeResults.ToAnswer(outcome, o => o.Status == CardOutcomeStatus.Applied
            ? TerminalAnswer.Created(CardBodies.Terminal(o.Card!))
            : TerminalAnswer.Ok(CardBodies.Terminal(o.Card!)));
    }

    public async Task<TerminalAnswer> GetCardAsync(TerminalDevice device, string cardNumber)
    {
        ArgumentNullException.ThrowIfNull(device);
        var validation = new ValidationProblem().CardNumber(cardNumber);
        if (validation.HasErrors)
        {
            return TerminalAnswer.Invalid(validation);
        }

        var card = await grains.GetGrain<ICardGrain>(cardNumber).GetAsync();
        return card is null
            ? TerminalAnswer.Problem(StatusCodes.Status404NotFound, "card-not-found", "Card not found", $"No card has number {cardNumber}.")
            : card.MerchantId != device.MerchantId
                ? TerminalAnswer.Problem(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Not allowed", "The card belongs to another merchant.")
                : TerminalAnswer.Ok(CardBodies.Terminal(card));
    }

    public Task<TerminalAnswer> StampAsync(TerminalDevice device, string cardNumber, StampRequest body, CancellationToken cancellationToken) =>
        ApplyAsync(
            device, cardNumber, body.PinId, body.IdempotencyKey, body.OccurredAt, v => v.Count(body.Count),
            origin => new CardCommand(CardCommandKind.Stamp, origin, Count: body.Count),
            o => TerminalAnswer.Ok(new StampResponse(o.TransactionId!.Value, o.Balance!.Stamps, o.Balance.RewardsAvailable)),
            cancellationToken);

    public Task<TerminalAnswer> RedeemStampsAsync(TerminalDevice device, string cardNumber, StampRedemptionRequest body, CancellationToken cancellationToken) =>
        ApplyAsync(
            device, cardNumber, body.PinId, body.IdempotencyKey, body.OccurredAt, v => v,
            origin => new CardCommand(CardCommandKind.StampRedemption, origin),
            o => TerminalAnswer.Ok(new StampResponse(o.TransactionId!.Value, o.Balance!.Stamps, o.Balance.RewardsAvailable)),
            cancellationToken);

    public Task<TerminalAnswer> EarnPointsAsync(TerminalDevice device, string cardNumber, PointsRequest body, CancellationToken cancellationToken) =>
        ApplyAsync(
            device, cardNumber, body.PinId, body.IdempotencyKey, body.OccurredAt, v => v.Purchase(body.PurchaseAmountMinor, body.Currency),
            origin => new CardCommand(CardCommandKind.Points, origin, PurchaseAmountMinor: body.PurchaseAmountMinor, Currency: body.Currency!.ToUpperInvariant()),
            o => TerminalAnswer.Ok(new PointsResponse(o.TransactionId!.Value, o.PointsEarned ?? 0, o.Balance!.Points)),
            cancellationToken);

    public Task<TerminalAnswer> RedeemPointsAsync(TerminalDevice device, string cardNumber, PointRedemptionRequest body, CancellationToken cancellationToken) =>
        ApplyAsync(
            device, cardNumber, body.PinId, body.IdempotencyKey, body.OccurredAt, v => v.Reward(body.RewardId),
            origin => new CardCommand(CardCommandKind.PointRedemption, origin, RewardId: body.RewardId),
            o => TerminalAnswer.Ok(new PointRedemptionResponse(o.TransactionId!.Value, o.Balance!.Points)),
            cancellationToken);

    private async Task<TerminalAnswer> ApplyAsync(
        TerminalDevice device,
        string cardNumber,
        Guid? pinId,
        string? idempotencyKey,
        DateTimeOffset? occurredAt,
        Func<ValidationProblem, ValidationProblem> validate,
        Func<OperationOrigin, CardCommand> command,
        Func<CardOutcome, TerminalAnswer> success,
        CancellationToken cancellationToken)
    {
        var validation = validate(new ValidationProblem().CardNumber(cardNumber).Common(pinId, idempotencyKey)
            .OccurredAt(occurredAt, device, time.GetUtcNow(), options.Value.OfflineWindow));
        if (validation.HasErrors)
        {
            return TerminalAnswer.Invalid(validation);
        }

        if (await pins.CheckAsync(device, pinId!.Value, cancellationToken) is { } refused)
        {
            return refused;
        }

        var origin = await OriginAsync(device, pinId.Value, idempotencyKey!, occurredAt, cancellationToken);
        var outcome = await grains.GetGrain<ICardGrain>(cardNumber).ApplyAsync(command(origin));
        return CardOutcomeResults.ToAnswer(outcome, success);
    }

    private async Task<OperationOrigin> OriginAsync(TerminalDevice device, Guid pinId, string idempotencyKey, DateTimeOffset? occurredAt, CancellationToken cancellationToken)
    {
        var zone = await zones.GetAsync(device.StoreId, cancellationToken);
        return new OperationOrigin(device.MerchantId, device.StoreId, device.DeviceId, pinId, zone, idempotencyKey, occurredAt);
    }
}
