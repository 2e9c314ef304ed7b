using System.Net;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Wallet.Api;
using Loyalty.Wallet.Passes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Resync;

/// <summary>
/// Keeps one card's LoyaltyObject in step with the card. Its state is the card's row of <c>google_wallet_passes</c>
/// (written conditionally on version). A change marks the pass pending and registers the <see cref="ReminderName"/>
/// reminder before anything is sent, so a silo that dies mid-resync leaves a pending row and a reminder a survivor
/// ticks; a failure stores the error and the next try (exponential backoff) and keeps the reminder; success clears both.
/// Not reentrant: changes arriving during a resync queue behind it and coalesce into the next one.
/// </summary>
public sealed partial class GoogleWalletPassGrain(
    PassStore store,
    GoogleWalletApi api,
    SaveLinkSigner signer,
    IOptions<GoogleWalletOptions> options,
    TimeProvider time,
    ILogger<GoogleWalletPassGrain> logger) : Grain, IGoogleWalletPassGrain, IRemindable
{
    public const string ReminderName = "google-wallet-resync";
    private PassRecord? _record;

    private string CardNumber => this.GetPrimaryKeyString();

    private GoogleWalletOptions Settings => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _record = await store.ReadAsync(CardNumber, cancellationToken);

    public async Task<string?> GetSaveLinkAsync()
    {
        if (!Settings.Enabled)
        {
            throw new InvalidOperationException("Google Wallet is not configured (Loyalty:Wallet:Google:IssuerId and ServiceAccountKeyFile).");
        }

        if (await GrainFactory.GetGrain<ICardGrain>(CardNumber).GetAsync() is not { } card)
        {
            return null;
        }

        if (_record is null)
        {
            var objectId = WalletIds.Object(Settings.IssuerId!, CardNumber);
            await RegisterReminderAsync(Settings.ReminderPeriod);
            _record = await store.InsertAsync(
                new PassRecord(CardNumber, card.MerchantId, objectId, false, true, 0, null, null, null, null, [], 0), time.GetUtcNow());
        }

        if (!_record.Inserted)
        {
            // The customer is waiting for this one: try now, whatever the backoff says.
            await SyncAsync();
        }

        return _record.Inserted ? signer.SaveUrl(_record.ObjectId) : null;
    }

    public async Task CardChangedAsync()
    {
        if (_record is null || !Settings.Enabled)
        {
            return;
        }

        if (!_record.Pending)
        {
            // The reminder first: should the row's write fail, a tick finds nothing pending and unregisters itself.
            await RegisterReminderAsync(Settings.ReminderPeriod);
            _record = await store.UpdateAsync(_record with { Pending = true }, time.GetUtcNow());
        }

        // Resync in a turn of its own, so that the changes queued meanwhile are all marked first and ride one update.
        _ = this.AsReference<IGoogleWalletPassGrain>().ResyncAsync();
    }

    public async Task ResyncAsync()
    {
        if (_record is { Pending: true } && IsDue(_record))
        {
            await SyncAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        if (_record is not { Pending: true } || !Settings.Enabled)
        {
            await UnregisterReminderAsync();
            return;
        }

        if (IsDue(_record))
        {
            await SyncAsync();
        }
    }

    public Task<GoogleWalletPassStatus?> GetStatusAsync() => Task.FromResult(_record is not { } record
        ? null
        : new GoogleWalletPassStatus(
            record.CardNumber, record.ObjectId, record.Inserted, record.Pending, record.Attempts, record.LastError, record.NextAttemptAt, record.SyncedAt,
            PassNotifications.Recent(record.NotifiedAt, time.GetUtcNow(), Settings.NotificationWindow).Count));

    private bool IsDue(PassRecord record) => record.NextAttemptAt is not { } next || next <= time.GetUtcNow();

    private async Task SyncAsync()
    {
        var record = _record!;
        var now = time.GetUtcNow();
        var cardGrain = GrainFactory.GetGrain<ICardGrain>(CardNumber);
        if (await cardGrain.GetAsync() is not { } card
            || await GrainFactory.GetGrain<IProgramGrain>(card.ProgramId).GetAsync() is not { } program)
        {
            _record = await store.UpdateAsync(record with { Pending = false, LastError = null, NextAttemptAt = null }, now);
            await UnregisterReminderAsync();
            return;
        }

        var snapshot = LoyaltyObjectJson.Snapshot(card, program, await cardGrain.GetPointsExpiriesAsync(), now, PassNotifications.ExpiringLead);
        var reason = record.Inserted ? PassNotifications.ReasonFor(record.Snapshot, snapshot) : NotifyReason.None;
        var notify = reason != NotifyReason.None
            && PassNotifications.Allowed(record.NotifiedAt, now, Settings.NotificationWindow, Settings.NotificationsPerWindow);
        if (reason != NotifyReason.None && !notify)
        {
            LogBudgetSpent(logger, CardNumber, reason, Settings.NotificationsPerWindow);
        }

        var (inserted, error) = await SendAsync(record, card, program, snapshot, notify);
        now = time.GetUtcNow();
        if (error is null)
        {
            IReadOnlyList<DateTimeOffset> notified = [.. PassNotifications.Recent(record.NotifiedAt, now, Settings.NotificationWindow), .. notify ? [now] : Array.Empty<DateTimeOffset>()];
            _record = await store.UpdateAsync(
                record with
                {
                    Inserted = true,
                    Pending = false,
                    Attempts = 0,
                    LastError = null,
                    NextAttemptAt = null,
                    SyncedAt = now,
                    Snapshot = snapshot,
                    NotifiedAt = notified,
                },
                now);
            await UnregisterReminderAsync();
            return;
        }

        var attempts = record.Attempts + 1;
        var delay = RetryDelay.After(attempts, Settings.FirstRetryDelay, Settings.MaxRetryDelay);
        LogSyncFailed(logger, CardNumber, attempts, delay, error);
        await RegisterReminderAsync(delay);
        _record = await store.UpdateAsync(
            record with { Inserted = inserted, Pending = true, Attempts = attempts, LastError = error, NextAttemptAt = now + delay },
            now);
    }

    /// <summary>
    /// Writes the object: an update once it exists (404: it was lost, insert it again), an insert before (409: it exists
    /// already, update it). Answers whether it exists at Google now, and why the write failed, if it did.
    /// </summary>
    private async Task<(bool Inserted, string? Error)> SendAsync(PassRecord record, CardView card, ProgramDefinition program, PassSnapshot snapshot, bool notify)
    {
        var inserted = record.Inserted;
        try
        {
            if (!inserted && await GrainFactory.GetGrain<IGoogleWalletClassGrain>(card.ProgramId).EnsureAsync() is { } classError)
            {
                return (false, classError);
            }

            var json = LoyaltyObjectJson.Of(Settings.IssuerId!, card, program, snapshot, notify);
            using var timeout = new CancellationTokenSource(Settings.RequestTimeout, time);
            var result = inserted
                ? await api.UpdateObjectAsync(record.ObjectId, json, timeout.Token)
                : await api.InsertObjectAsync(json, timeout.Token);
            if (inserted && result.Status == HttpStatusCode.NotFound)
            {
                LogObjectMissing(logger, record.ObjectId);
                inserted = false;
                if (await GrainFactory.GetGrain<IGoogleWalletClassGrain>(card.ProgramId).EnsureAsync() is { } classError2)
                {
                    return (false, classError2);
                }

                result = await api.InsertObjectAsync(json, timeout.Token);
            }

            if (!inserted && result.Status == HttpStatusCode.Conflict)
            {
                inserted = true;
                result = await api.UpdateObjectAsync(record.ObjectId, json, timeout.Token);
            }

            return result.Succeeded ? (true, null) : (inserted, $"Object {record.ObjectId}: {result.Describe()}");
        }
        catch (GoogleWalletConfigurationException exception)
        {
            return (inserted, exception.Message);
        }
        catch (HttpRequestException exception)
        {
            return (inserted, $"The Wallet API could not be reached: {exception.Message}");
        }
        catch (OperationCanceledException)
        {
            return (inserted, $"The Wallet API did not answer within {Settings.RequestTimeout}.");
        }
    }

    private async Task RegisterReminderAsync(TimeSpan due) =>
        await this.RegisterOrUpdateReminder(ReminderName, due, Settings.ReminderPeriod);

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google Wallet resync of card {CardNumber} failed (attempt {Attempts}); next try in {Delay}: {Error}")]
    private static partial void LogSyncFailed(ILogger logger, string cardNumber, int attempts, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card {CardNumber}: {Reason} goes out silent, the pass had its {Limit} notifications in the window")]
    private static partial void LogBudgetSpent(ILogger logger, string cardNumber, NotifyReason reason, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google Wallet object {ObjectId} was missing (404); inserting it again")]
    private static partial void LogObjectMissing(ILogger logger, string objectId);
}
