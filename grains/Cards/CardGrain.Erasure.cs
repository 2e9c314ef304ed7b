using System.Globalization;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Audit;
using Loyalty.Grains.Ledger;

namespace Loyalty.Grains.Cards;

/// <summary>
/// Erasure of the customer's personal data, under the card's turn like every other change. The steps run in an order
/// that any of them may fail and the whole can simply run again: the enrolment forgets the e-mail first (while the card
/// still knows it), then the outbox and the enrolment's stored answer are cleared, and last the card's own write
/// commits the erased customer, the closing ledger entry and the audit entry together.
/// </summary>
public sealed partial class CardGrain
{
    public async Task<CardOutcome> EraseCustomerAsync(CustomerErasure request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Task committed;
        CardOutcome outcome;
        await EnterTurnAsync();
        try
        {
            if (_state.Card is not { } card)
            {
                return new CardOutcome(CardOutcomeStatus.NotFound, Error: new CardError(CardErrorCodes.CardNotFound, $"No card has number {CardNumber}."));
            }

            var merchantId = _state.MerchantId;
            if (request.MerchantId != merchantId)
            {
                return CardViews.Refused(CardErrorCodes.Forbidden, "The card belongs to another merchant.");
            }

            if (!card.Customer.IsErased())
            {
                var programId = Guid.Parse(card.ProgramId, CultureInfo.InvariantCulture);
                await GrainFactory.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, card.Customer.Email)).ForgetAsync(CardNumber);
            }

            await CustomerDataScrub.RunAsync(database, merchantId, CardNumber, card.Customer.Locale);
            if (card.Customer.IsErased())
            {
                return new CardOutcome(CardOutcomeStatus.Applied, CardViews.Of(card, merchantId), Replayed: true);
            }

            var now = time.GetUtcNow();
            var context = OperationContext.ForSystem(Guid.NewGuid(), now);
            var erased = card.EraseCustomer(context);
            if (!erased.Succeeded)
            {
                return new CardOutcome(CardOutcomeStatus.Refused, Error: CardViews.Of(erased.Violation));
            }

            var entry = LedgerChain.Append(_state.Head, erased.Fact, context);
            var audit = new AuditEntry(merchantId, request.Actor, AuditActions.CardCustomerErased, AuditSubjects.Card, CardNumber, now)
            {
                Details = new Dictionary<string, object?> { ["transactionId"] = context.TransactionId },
            };
            _state = _state with { Card = erased.State, Head = entry.Head };
            outcome = new CardOutcome(CardOutcomeStatus.Applied, CardViews.Of(erased.State, merchantId), TransactionId: context.TransactionId);
            committed = Stage([CardRows.Ledger(entry), audit.ToStorageRow()]);
        }
        finally
        {
            _turn.Release();
        }

        // Should the write fail, nothing of the card's part committed: the card reloads, and erasing again finishes the job.
        await WrittenAsync(committed);
        return outcome;
    }

    [Orleans.Concurrency.ReadOnly]
    public async Task<IReadOnlyList<PointsExpiry>> GetPointsExpiriesAsync()
    {
        if (_committed.Card is not { } card || card.Lots.Count == 0)
        {
            return [];
        }

        var program = await GetProgramAsync(Guid.Parse(card.ProgramId, CultureInfo.InvariantCulture));
        return program is null ? [] : card.ExpirySchedule(program);
    }
}
