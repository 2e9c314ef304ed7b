using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Storage;

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

    // The first tick is asked for at most this far ahead: Orleans 10.2 lost reminders due beyond 49.7 days (a timer's
    // range). A tick before the expiry finds nothing due and the daily period carries the card to it.
    private static readonly TimeSpan MaxReminderDue = TimeSpan.FromDays(28);

    /// <summary>How long before points expire the customer is told (a "points expiring" outbox message).</summary>
    public static readonly TimeSpan ExpiryNoticeLead = TimeSpan.FromDays(14);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder)
        {
            return;
        }

        var committed = Task.CompletedTask;
        await EnterTurnAsync();
        try
        {
            if (_state.Card is not { } card
                || await GetProgramAsync(Guid.Parse(card.ProgramId, System.Globalization.CultureInfo.InvariantCulture)) is not { } program)
            {
                return;
            }

            var before = _state;
            var now = time.GetUtcNow();
            var context = OperationContext.ForSystem(Guid.NewGuid(), now);
            var expiry = card.ExpirePoints(program, context);
            List<StorageRow> rows = [];
            if (expiry.Fact is { } fact)
            {
                var entry = LedgerChain.Append(_state.Head, fact, context);
                _state = _state with { Card = expiry.State, Head = entry.Head };
                rows.Add(CardRows.Ledger(entry));
                if (!card.Customer.IsErased())
                {
                    rows.Add(CardRows.Outbox(OutboxTopics.PointsExpired, _state.MerchantId, card.CardNumber, new { points = expiry.ExpiredPoints }, now));
                }
            }

            AnnounceExpiry(program, now, rows);
            await PlanExpiryAsync(program);
            if (!ReferenceEquals(before, _state))
            {
                committed = Stage(rows);
            }
        }
        finally
        {
            _turn.Release();
        }

        await committed;
    }

    /// <summary>Once per upcoming expiry, within the notice lead: tell the customer how many points expire and when.</summary>
    private void AnnounceExpiry(ProgramDefinition program, DateTimeOffset now, List<StorageRow> rows)
    {
        if (_state.Card is not { } card || card.NextExpiryDueAt(program) is not { } due || due - ExpiryNoticeLead > now || _state.ExpiryNoticeFor == due)
        {
            return;
        }

        var expiring = card.PointsExpiringWithin(program, due - now, now);
        _state = _state with { ExpiryNoticeFor = due };
        // An erased customer has no address to tell.
        if (expiring.Points > 0 && !card.Customer.IsErased())
        {
            rows.Add(CardRows.Outbox(OutboxTopics.PointsExpiring, _state.MerchantId, card.CardNumber, new { points = expiring.Points, expiresAt = due }, now));
        }
    }

    /// <summary>
    /// With the turn held, after a change: keeps the expiry reminder due at the card's next expiry (or removes it) and
    /// records when in the state, which the caller then stages. The reminder is registered before the state that
    /// mentions it commits: should that write fail, a tick finds nothing due and plans again.
    /// </summary>
    private async Task PlanExpiryAsync(ProgramDefinition program)
    {
        // Wake first for the notice (unless it went out, or its time has passed), then for the expiry itself.
        var expiry = _state.Card?.NextExpiryDueAt(program);
        var due = expiry is { } expiresAt && _state.ExpiryNoticeFor != expiresAt && expiresAt - ExpiryNoticeLead > time.GetUtcNow()
            ? expiresAt - ExpiryNoticeLead
            : expiry;
        if (due == _state.ExpiryReminderDue)
        {
            return;
        }

        if (due is { } at)
        {
            var wait = at - time.GetUtcNow();
            var dueTime = wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > MaxReminderDue ? MaxReminderDue : wait;
            await this.RegisterOrUpdateReminder(ExpiryReminder, dueTime, ExpiryReminderPeriod);
        }
        else if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _state = _state with { ExpiryReminderDue = due };
    }
}
