using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Ledger;
using Loyalty.Runtime.Persistence;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Grains.Cards;

/// <summary>
/// Point expiry, driven by one durable reminder per card: it wakes the card 14 days before its oldest points expire
/// (a "points expiring" notice in the outbox) and when they expire, so expiry never scans cards and never holds locks
/// (the old system's nightly job did both).
/// </summary>
public sealed partial class CardGrain
{
    public const string ExpiryReminder = "point-expiry";

    // Reminders are periodic; the period only matters if a tick finds nothing due (it then re-plans).
    private static readonly TimeSpan ExpiryReminderPeriod = TimeSpan.FromDays(1);

    /// <summary>How long before points expire the customer is told (a "points expiring" outbox message).</summary>
    public static readonly TimeSpan ExpiryNoticeLead = TimeSpan.FromDays(14);

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder || state.State.Card is not { } card)
        {
            return;
        }

        var program = await GetProgramAsync(Guid.Parse(card.ProgramId, System.Globalization.CultureInfo.InvariantCulture));
        if (program is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var context = OperationContext.ForSystem(Guid.NewGuid(), now);
        var expiry = card.ExpirePoints(program, context);
        if (expiry.Fact is { } fact)
        {
            var merchantId = state.State.MerchantId;
            var entry = LedgerChain.Append(state.State.Head, fact, context);
            state.State = state.State with { Card = expiry.State, Head = entry.Head };
            await state.WriteStateAsync(
            [
                CardRows.Ledger(entry),
                CardRows.Outbox(OutboxTopics.PointsExpired, merchantId, card.CardNumber, new { points = expiry.ExpiredPoints }, now),
            ]);
        }

        await AnnounceExpiryAsync(program, now);
        await PlanExpiryAsync(program);
    }

    /// <summary>Once per upcoming expiry, within the notice lead: tell the customer how many points expire and when.</summary>
    private async Task AnnounceExpiryAsync(ProgramDefinition program, DateTimeOffset now)
    {
        if (state.State.Card is not { } card || card.NextExpiryDueAt(program) is not { } due || due - ExpiryNoticeLead > now || state.State.ExpiryNoticeFor == due)
        {
            return;
        }

        var expiring = card.PointsExpiringWithin(program, due - now, now);
        state.State = state.State with { ExpiryNoticeFor = due };
        await state.WriteStateAsync(expiring.Points <= 0
            ? []
            : [CardRows.Outbox(OutboxTopics.PointsExpiring, state.State.MerchantId, card.CardNumber, new { points = expiring.Points, expiresAt = due }, now)]);
    }

    /// <summary>After a committed change: keep the expiry reminder due at the card's next expiry, or remove it.</summary>
    private async Task<CardOutcome> AfterChangeAsync(CardOutcome outcome, ProgramDefinition program)
    {
        if (outcome.Status == CardOutcomeStatus.Applied)
        {
            await PlanExpiryAsync(program);
        }

        return outcome;
    }

    private async Task PlanExpiryAsync(ProgramDefinition program)
    {
        // Wake first for the notice (unless it went out, or its time has passed), then for the expiry itself.
        var expiry = state.State.Card?.NextExpiryDueAt(program);
        var due = expiry is { } expiresAt && state.State.ExpiryNoticeFor != expiresAt && expiresAt - ExpiryNoticeLead > time.GetUtcNow()
            ? expiresAt - ExpiryNoticeLead
            : expiry;
        if (due == state.State.ExpiryReminderDue)
        {
            return;
        }

        if (due is { } at)
        {
            var wait = at - time.GetUtcNow();
            await RegisterOrUpdateReminderAsync(ExpiryReminder, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, ExpiryReminderPeriod);
        }
        else
        {
            await UnregisterReminderAsync(ExpiryReminder);
        }

        state.State = state.State with { ExpiryReminderDue = due };
        await state.WriteStateAsync();
    }
}
