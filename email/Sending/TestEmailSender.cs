using Loyalty.Email.Log;
using Loyalty.Email.Settings;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Loyalty.Email.Sending;

/// <summary>
/// Sends the settings page's test e-mail with the settings in force (read once, used for the send, and reported), and
/// records it in the e-mail log.
/// </summary>
public sealed class TestEmailSender(EmailSettingsStore settings, EmlDropFolder dropFolder, EmailLog log, IOptions<EmailOptions> options, TimeProvider time)
{
    public const string Subject = "Loyalty: test e-mail";

    public async Task<TestEmailResult> SendAsync(string recipient, CancellationToken cancellationToken)
    {
        var effective = await settings.GetEffectiveAsync(cancellationToken);
        var smtp = effective.Settings;
        var message = new MimeMessage { Subject = Subject };
        message.From.Add(MailboxAddress.Parse(smtp?.From ?? options.Value.From ?? EmailOptions.DefaultFrom));
        message.To.Add(MailboxAddress.Parse(recipient));
        var used = smtp is null ? "none: no SMTP server configured" : $"{smtp.Host}:{smtp.Port} ({smtp.Security}) from {effective.Source}";
        message.Body = new TextPart("plain") { Text = $"This test e-mail was sent with these SMTP settings: {used}.\n" };

        SendOutcome outcome;
        if (smtp is null)
        {
            outcome = await dropFolder.WriteAsync(message, $"test-{time.GetUtcNow():yyyyMMddHHmmssfff}", cancellationToken);
        }
        else
        {
            await using var session = new SmtpSession(smtp, options.Value.Dispatch.SendTimeout);
            outcome = await session.SendAsync(message, cancellationToken);
        }

        await log.AddTestAsync(recipient, Subject, outcome.Status, outcome.Detail, time.GetUtcNow(), CancellationToken.None);
        return new TestEmailResult(recipient, outcome.Status, outcome.Detail, smtp, effective.Source);
    }
}
