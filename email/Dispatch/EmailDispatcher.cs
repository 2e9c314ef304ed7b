using Loyalty.Email.Composition;
using Loyalty.Email.Log;
using Loyalty.Email.Sending;
using Loyalty.Email.Settings;
using Loyalty.Email.Templates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Loyalty.Email.Dispatch;

/// <summary>
/// Sends the outbox's e-mails, on every silo (ADR 0023): claims due messages, composes each in its customer's language,
/// sends it over SMTP (or writes an .eml file when no server is configured), and records every attempt in the e-mail log
/// with the message's new state in one statement. A failure is retried with backoff and, after the last attempt, logged
/// as given up: nothing is dropped without a trace.
/// </summary>
public sealed partial class EmailDispatcher(
    OutboxQueue queue,
    EmailSettingsStore settings,
    EmailTemplateStore templates,
    EmailComposer composer,
    EmlDropFolder dropFolder,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    private readonly EmailDispatchOptions _options = options.Value.Dispatch;

    /// <summary>This dispatcher's name in <c>outbox.leased_by</c>.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read when the host runs, not when it registers services: a test host's settings arrive only then.
        if (!options.Value.Dispatch.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database unreachable, a bug: logged, and the loop goes on. What was claimed comes back after its lease.
                LogBatchFailed(logger, ex);
                claimed = 0;
            }

            if (claimed < _options.BatchSize)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims one batch and settles every message in it; answers how many were claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var messages = await queue.ClaimAsync(Owner, time.GetUtcNow(), _options.Lease, _options.BatchSize, cancellationToken);
        if (messages.Count == 0)
        {
            return 0;
        }

        var effective = await settings.GetEffectiveAsync(cancellationToken);
        var contents = (await templates.ListAsync(cancellationToken)).ToDictionary(t => (t.Template, t.Locale), t => t.Content);
        var from = MailboxAddress.Parse(effective.Settings?.From ?? options.Value.From ?? EmailOptions.DefaultFrom);
        var connections = Math.Clamp(_options.Connections, 1, messages.Count);
        var shares = messages.Select((message, index) => (message, index)).GroupBy(m => m.index % connections, m => m.message);
        await Task.WhenAll(shares.Select(share => SendShareAsync([.. share], effective.Settings, contents, from, cancellationToken)));
        return messages.Count;
    }

    private async Task SendShareAsync(
        IReadOnlyList<OutboxMessage> messages,
        SmtpSettings? smtp,
        Dictionary<(string, string), TemplateContent> contents,
        MailboxAddress from,
        CancellationToken cancellationToken)
    {
        await using var session = smtp is null ? null : new SmtpSession(smtp, _options.SendTimeout);
        foreach (var message in messages)
        {
            ComposedEmail email;
            try
            {
                email = composer.Compose(message, contents, from);
            }
            catch (EmailCompositionException ex)
            {
                // Nothing to send and nothing a retry could change: give up at once, visibly.
                await SettleAsync(message, Unsent(message, EmailLogStatus.GaveUp, $"gave up: {ex.Message}"), null);
                continue;
            }
            catch (Exception ex)
            {
                // Unexpected (a template an admin broke, a bug): a failed attempt like any other, retried and logged.
                await SettleFailureAsync(message, Unsent(message, EmailLogStatus.Failed, $"could not compose: {ex.GetType().Name}: {ex.Message}"));
                continue;
            }

            SendOutcome outcome;
            try
            {
                outcome = session is null
                    ? await dropFolder.WriteAsync(email.Message, $"outbox-{message.Id}", cancellationToken)
                    : await session.SendAsync(email.Message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: say so in the log and make the message due again at once, for this silo or another.
                var interrupted = new SendOutcome(EmailLogStatus.Failed, "interrupted: the silo stopped during the attempt");
                await SettleAsync(message, Record(email, interrupted), time.GetUtcNow());
                throw;
            }
            catch (Exception ex)
            {
                // The drop folder's disk, say: recorded as this attempt's failure rather than lost in the process log.
                outcome = new SendOutcome(EmailLogStatus.Failed, $"{ex.GetType().Name}: {ex.Message}");
            }

            await SettleOutcomeAsync(message, email, outcome);
        }
    }

    private Task SettleOutcomeAsync(OutboxMessage message, ComposedEmail email, SendOutcome outcome) =>
        outcome.Status == EmailLogStatus.Failed ? SettleFailureAsync(message, Record(email, outcome)) : SettleAsync(message, Record(email, outcome), null);

    /// <summary>A failed attempt: due again after the backoff, or, after the last attempt, given up with its reason.</summary>
    private async Task SettleFailureAsync(OutboxMessage message, AttemptRecord failed)
    {
        LogAttemptFailed(logger, message.Id, message.Attempt, failed.Detail);
        if (RetrySchedule.NextAttemptAt(message.Attempt, failed.At, _options) is { } next)
        {
            await SettleAsync(message, failed, next);
            return;
        }

        LogGaveUp(logger, message.Id, message.Attempt, failed.Detail);
        await SettleAsync(message, failed with { Status = EmailLogStatus.GaveUp, Detail = $"gave up after {message.Attempt} attempts: {failed.Detail}" }, null);
    }

    private AttemptRecord Record(ComposedEmail email, SendOutcome outcome) =>
        new(email.Recipient, email.Locale, email.Subject, outcome.Status, outcome.Detail, time.GetUtcNow());

    private AttemptRecord Unsent(OutboxMessage message, string status, string detail) =>
        new(message.CustomerEmail ?? "(unknown)", null, null, status, detail, time.GetUtcNow());

    // Settling is not cancelled by a stop: the attempt happened, and the log must say so.
    private Task SettleAsync(OutboxMessage message, AttemptRecord attempt, DateTimeOffset? nextAttemptAt) =>
        queue.SettleAsync(message, Owner, attempt, nextAttemptAt, CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail dispatch batch failed; claimed messages return after their lease")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} attempt {Attempt} failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, long messageId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {MessageId} given up after {Attempt} attempts: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, long messageId, int attempt, string reason);
}
