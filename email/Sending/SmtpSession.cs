using Loyalty.Email.Log;
using Loyalty.Email.Settings;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Loyalty.Email.Sending;

/// <summary>
/// One SMTP session (MailKit): connected and authenticated on first use, then reused for the messages that follow. A
/// refusal (an SMTP reply code) fails that message only; a broken connection ends the session, so the next message
/// connects again.
/// </summary>
public sealed class SmtpSession(SmtpSettings settings, TimeSpan timeout) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var client = await ConnectAsync(cancellationToken);
            var reply = await client.SendAsync(message, cancellationToken);
            return new SendOutcome(EmailLogStatus.Sent, $"{settings.Host}:{settings.Port} replied: {reply}");
        }
        catch (SmtpCommandException ex)
        {
            // The server answered with a refusal; the session is still usable (MailKit resets the transaction).
            return new SendOutcome(EmailLogStatus.Failed, $"{settings.Host}:{settings.Port} refused: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else (connection refused or dropped, TLS, authentication, a timeout, STARTTLS not offered): this
            // attempt failed with that reason, and the next message connects afresh.
            Close();
            return new SendOutcome(EmailLogStatus.Failed, $"{settings.Host}:{settings.Port} ({settings.Security}) failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or ServiceNotConnectedException or System.Net.Sockets.SocketException)
            {
                // The messages are sent; a QUIT that fails changes nothing about them.
            }
        }

        Close();
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        Close();
        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        _client = client;
        await client.ConnectAsync(settings.Host, settings.Port, Options(settings.Security), cancellationToken);
        if (settings.Username is { } username)
        {
            await client.AuthenticateAsync(username, settings.Password ?? "", cancellationToken);
        }

        return client;
    }

    private void Close()
    {
        _client?.Dispose();
        _client = null;
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}
