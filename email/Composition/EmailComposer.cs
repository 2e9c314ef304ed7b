using System.Text.Json;
using Loyalty.Email.Dispatch;
using Loyalty.Email.Templates;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Customers;
using Loyalty.Wallet.Passes;
using MimeKit;
using MimeKit.Utils;

namespace Loyalty.Email.Composition;

/// <summary>
/// Turns an outbox message into the e-mail its customer gets: the template in the customer's language (the card's
/// locale; the payload's for a sign-in or password reset link, which the payload also addresses), filled in, with the
/// card's QR code inline for an enrolment.
/// </summary>
public sealed class EmailComposer(CustomerLinks links, GoogleWalletLinks wallet, AppleWalletLinks appleWallet)
{
    public ComposedEmail Compose(OutboxMessage message, IReadOnlyDictionary<(string, string), TemplateContent> templates, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(templates);
        using var document = Parse(message.Payload);
        var payload = document.RootElement;
        var signIn = message.Topic is OutboxTopics.PortalSignIn or OutboxTopics.AdminPasswordReset;
        if (!signIn && message.CustomerEmail is null)
        {
            throw new EmailCompositionException($"Card {message.CardNumber} is not in the cards table.");
        }

        var recipient = signIn ? EmailVariables.Text(payload, "email") : message.CustomerEmail!;
        var locale = EmailCultures.LocaleOrDefault(signIn ? EmailVariables.Text(payload, "locale") : message.CustomerLocale);
        var qrCodeId = MimeUtils.GenerateMessageId(from.Domain);
        var values = EmailVariables.Of(message, payload, EmailCultures.Of(locale), links, $"cid:{qrCodeId}", wallet, appleWallet);
        var rendered = TemplateRenderer.Render(templates[(message.Topic, locale)], values);

        var body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html };
        if (message.Topic == OutboxTopics.Enrollment)
        {
            var image = body.LinkedResources.Add("card-qr.png", CardQrCode.Png(message.CardNumber!), new ContentType("image", "png"));
            image.ContentId = qrCodeId;
        }

        var email = new MimeMessage
        {
            Subject = rendered.Subject,
            Body = body.ToMessageBody(),

            // The same id on every attempt: a copy sent twice across the at-least-once window (ADR 0023) is recognisable.
            MessageId = $"outbox-{message.Id}@{from.Domain}",
        };
        email.From.Add(from);
        email.To.Add(new MailboxAddress(signIn ? null : message.CustomerName, recipient));
        email.Headers.Add("Content-Language", locale);
        return new ComposedEmail(email, recipient, locale, rendered.Subject);
    }

    private static JsonDocument Parse(string payload)
    {
        try
        {
            return JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            throw new EmailCompositionException("The outbox payload is not JSON.", ex);
        }
    }
}
