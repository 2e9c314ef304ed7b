using Loyalty.Email.Log;
using Loyalty.Email.Sending;
using Loyalty.Email.Tests.Fixtures;
using Loyalty.Grains.Cards;
using Loyalty.Testing;
using Loyalty.Testing.Email;
using Loyalty.Testing.Smtp;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Loyalty.Email.Tests.Dispatch;

public sealed class EmailDispatcherTests
{
    [Fact]
    public async Task Enrollment_InFrench_DeliversFrenchMessageWithInlineQrCode()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        await using var host = await DispatcherHost.StartAsync(database, DispatcherHost.Smtp(smtp.Port));
        var merchant = await database.AddMerchantAsync("Boulangerie Muller");
        var (card, messageId) = await database.EnrolAsync(merchant, "Camille Dupont", "camille@example.com", "fr");

        await Eventually.TrueAsync(() => smtp.ReceivedCount == 1, "the enrolment e-mail arrived");

        var message = Assert.Single(smtp.Messages);
        Assert.Equal("Votre carte de fidélité Boulangerie Muller", message.Subject);
        Assert.Equal("camille@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Camille Dupont", Assert.Single(message.To.Mailboxes).Name);
        Assert.Equal("hello@fashionhub.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("fr", message.Body!.Headers["Content-Language"]);
        Assert.Contains("Bienvenue chez Boulangerie Muller ! Votre carte de fidélité est prête.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Camille Dupont,", message.HtmlBody, StringComparison.Ordinal);

        // multipart/alternative (text, multipart/related (html, image/png)): the HTML shows the image by its Content-Id.
        var image = Assert.Single(message.BodyParts.OfType<MimePart>(), part => part.ContentType.MimeType == "image/png");
        Assert.False(string.IsNullOrEmpty(image.ContentId));
        Assert.Contains($"src=\"cid:{image.ContentId}\"", message.HtmlBody, StringComparison.Ordinal);
        var related = Assert.Single(Assert.IsType<MultipartAlternative>(message.Body).OfType<MultipartRelated>());
        Assert.Contains(related, part => part == image);
        using var png = new MemoryStream();
        await image.Content!.DecodeToAsync(png);
        var (width, height) = PngImage.Decode(png.ToArray());
        Assert.True(width == height && width > 100, $"a square QR code, got {width}x{height}");

        // The link to the card page carries the card number protected: reading it back gives the card.
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https://loyalty\.example/m/[^/\s]+/card/(?<token>\S+)");
        Assert.True(link.Success, message.TextBody);
        Assert.Equal(card, host.Links.ReadCardToken(link.Groups["token"].Value));
        Assert.Contains($"href=\"{link.Value}\"", message.HtmlBody, StringComparison.Ordinal);

        // Neither wallet is configured here: no button, no line.
        Assert.DoesNotContain("google-wallet", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Google Wallet", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/wallet/apple", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/wallet/apple", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Apple Wallet", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Apple Wallet", message.TextBody, StringComparison.Ordinal);

        await Eventually.TrueAsync(() => database.IsProcessedAsync(messageId), "the message is settled");
        var entry = Assert.Single(await database.LogAsync(messageId));
        Assert.Equal((1, EmailLogStatus.Sent), (entry.Attempt, entry.Status));
        Assert.StartsWith($"127.0.0.1:{smtp.Port} replied: ", entry.Detail, StringComparison.Ordinal);
        Assert.Equal($"<outbox-{messageId}@fashionhub.example>", $"<{message.MessageId}>");
    }

    [Fact]
    public async Task Enrollment_GoogleWalletConfigured_HasTheAddToGoogleWalletButton()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        var settings = DispatcherHost.Smtp(smtp.Port);
        settings["Loyalty:Wallet:Google:IssuerId"] = "3388000000022000001";
        settings["Loyalty:Wallet:Google:ServiceAccountKeyFile"] = "/etc/loyalty/google-wallet-key.json";
        settings["Loyalty:Wallet:Google:LogoUrl"] = "https://loyalty.example/logo.png";
        await using var host = await DispatcherHost.StartAsync(database, settings);
        var merchant = await database.AddMerchantAsync("Boulangerie Muller");
        var (card, _) = await database.EnrolAsync(merchant, "Lena Weber", "lena@example.com", "de");

        await Eventually.TrueAsync(() => smtp.ReceivedCount == 1, "the enrolment e-mail arrived");

        var message = Assert.Single(smtp.Messages);
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https://loyalty\.example/m/[^/\s]+/card/(?<token>[^/\s]+)/google-wallet");
        Assert.True(link.Success, message.TextBody);
        Assert.Equal(card, host.Links.ReadCardToken(link.Groups["token"].Value));
        Assert.Contains($"Fügen Sie Ihre Karte zu Google Wallet hinzu:\n{link.Value}\n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link.Value}\" style=\"display:inline-block;background:#000;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">Zu Google Wallet hinzufügen</a>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrollment_AppleWalletConfigured_InFrench_HasTheAddToAppleWalletButtonUnderTheCardPage()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        var settings = DispatcherHost.Smtp(smtp.Port);
        settings["Loyalty:Wallet:Apple:PassTypeIdentifier"] = "pass.lu.loyalty.test";
        settings["Loyalty:Wallet:Apple:TeamIdentifier"] = "ABCDE12345";
        settings["Loyalty:Wallet:Apple:CertificatePath"] = "/etc/loyalty/pass.p12";
        settings["Loyalty:Wallet:Apple:WwdrCertificatePath"] = "/etc/loyalty/wwdr.pem";
        settings["Loyalty:Wallet:Apple:OrganizationName"] = "Loyalty";
        await using var host = await DispatcherHost.StartAsync(database, settings);
        var merchant = await database.AddMerchantAsync("Boulangerie Muller");
        var slug = $"shop-{merchant:N}"[..20];
        var (card, _) = await database.EnrolAsync(merchant, "Camille Dupont", "camille@example.com", "fr");

        await Eventually.TrueAsync(() => smtp.ReceivedCount == 1, "the enrolment e-mail arrived");

        // The card page link, whose token names the card; the pass download is that very address plus /wallet/apple.
        var message = Assert.Single(smtp.Messages);
        var cardLink = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", $@"https://loyalty\.example/m/{slug}/card/(?<token>[^/\s]+)\n");
        Assert.True(cardLink.Success, message.TextBody);
        var token = cardLink.Groups["token"].Value;
        Assert.Equal(card, host.Links.ReadCardToken(token));
        var download = $"https://loyalty.example/m/{slug}/card/{token}/wallet/apple";

        Assert.Contains($"https://loyalty.example/m/{slug}/card/{token}\n\nAjoutez votre carte à Apple Wallet :\n{download}\n\nÀ bientôt,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(
            $"<p><a href=\"{download}\" style=\"display:inline-block;background:#000;color:#fff;border:1px solid #a6a6a6;border-radius:8px;"
            + "padding:12px 24px;font-family:-apple-system,'Helvetica Neue',Helvetica,Arial,sans-serif;font-size:16px;font-weight:500;text-decoration:none;\">"
            + "Ajouter à Apple Wallet</a></p>",
            message.HtmlBody,
            StringComparison.Ordinal);

        // Google Wallet is not configured here: its button stays away.
        Assert.DoesNotContain("google-wallet", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Google Wallet", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrollment_BothWalletsConfigured_HasGoogleThenAppleInEnglish()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        var settings = DispatcherHost.Smtp(smtp.Port);
        settings["Loyalty:Wallet:Google:IssuerId"] = "3388000000022000001";
        settings["Loyalty:Wallet:Google:ServiceAccountKeyFile"] = "/etc/loyalty/google-wallet-key.json";
        settings["Loyalty:Wallet:Google:LogoUrl"] = "https://loyalty.example/logo.png";
        settings["Loyalty:Wallet:Apple:PassTypeIdentifier"] = "pass.lu.loyalty.test";
        await using var host = await DispatcherHost.StartAsync(database, settings);
        var merchant = await database.AddMerchantAsync("Boulangerie Muller");
        var slug = $"shop-{merchant:N}"[..20];
        var (card, _) = await database.EnrolAsync(merchant, "Emma Schmit", "emma@example.com", "en");

        await Eventually.TrueAsync(() => smtp.ReceivedCount == 1, "the enrolment e-mail arrived");

        var message = Assert.Single(smtp.Messages);
        var google = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", $@"https://loyalty\.example/m/{slug}/card/[^/\s]+/google-wallet");
        var apple = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", $@"https://loyalty\.example/m/{slug}/card/(?<token>[^/\s]+)/wallet/apple");
        Assert.True(google.Success && apple.Success, message.TextBody);
        Assert.Equal(card, host.Links.ReadCardToken(apple.Groups["token"].Value));
        Assert.Contains($"\n\nAdd your card to Google Wallet:\n{google.Value}\n\nAdd your card to Apple Wallet:\n{apple.Value}\n\nSee you soon,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($">Add to Google Wallet</a></p><p><a href=\"{apple.Value}\" style=", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">Add to Apple Wallet</a></p>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerNamedScript_IsEscapedInHtmlAndPlainInText()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        await using var host = await DispatcherHost.StartAsync(database, DispatcherHost.Smtp(smtp.Port));
        var merchant = await database.AddMerchantAsync("A & B <Shop>");
        await database.EnrolAsync(merchant, "<script>alert(1)</script>", "script@example.com", "en");

        await Eventually.TrueAsync(() => smtp.ReceivedCount == 1, "the e-mail arrived");

        var message = Assert.Single(smtp.Messages);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;,", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Welcome to A &amp; B &lt;Shop&gt;!", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello <script>alert(1)</script>,", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("Your A & B <Shop> loyalty card", message.Subject);
    }

    [Fact]
    public async Task RefusingServer_IsRetriedLoggedWithItsReplyAndDeliveredOnceItAccepts()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        smtp.Behaviour = SmtpBehaviour.Refuse;
        await using var host = await DispatcherHost.StartAsync(database, DispatcherHost.Smtp(smtp.Port));
        var merchant = await database.AddMerchantAsync();
        var (_, messageId) = await database.EnrolAsync(merchant, "Paul Weber", "paul@example.com", "de");

        await Eventually.TrueAsync(async () => (await database.LogAsync(messageId)).Count >= 2, "two refused attempts were logged");
        smtp.Behaviour = SmtpBehaviour.Accept;
        await Eventually.TrueAsync(() => database.IsProcessedAsync(messageId), "the message was delivered");

        var log = await database.LogAsync(messageId);
        Assert.All(log.SkipLast(1), entry =>
        {
            Assert.Equal(EmailLogStatus.Failed, entry.Status);
            Assert.Equal($"127.0.0.1:{smtp.Port} refused: 554 {TestSmtpServer.RefusalText}", entry.Detail);
        });
        Assert.Equal(EmailLogStatus.Sent, log[^1].Status);
        Assert.Equal(Enumerable.Range(1, log.Count), log.Select(e => e.Attempt));
        Assert.Equal("Ihre Kundenkarte von Fashion Hub", Assert.Single(smtp.Messages).Subject);
    }

    [Fact]
    public async Task ServerDown_IsRetriedLoggedAndDeliveredOnceItIsBack()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Stopped();
        await using var host = await DispatcherHost.StartAsync(database, DispatcherHost.Smtp(smtp.Port));
        var merchant = await database.AddMerchantAsync();
        var (_, messageId) = await database.EnrolAsync(merchant, "Lena Muller", "lena@example.com", "lb");

        await Eventually.TrueAsync(async () => (await database.LogAsync(messageId)).Count >= 2, "two failed attempts were logged");
        smtp.Resume();
        await Eventually.TrueAsync(() => database.IsProcessedAsync(messageId), "the message was delivered");

        var log = await database.LogAsync(messageId);
        Assert.All(log.SkipLast(1), entry =>
        {
            Assert.Equal(EmailLogStatus.Failed, entry.Status);
            Assert.StartsWith($"127.0.0.1:{smtp.Port} (None) failed: SocketException: ", entry.Detail, StringComparison.Ordinal);
        });
        Assert.Equal(EmailLogStatus.Sent, log[^1].Status);
        Assert.Equal("Är Fidelitéitskaart bei Fashion Hub", Assert.Single(smtp.Messages).Subject);
    }

    [Fact]
    public async Task LastAttemptFails_GivesUpVisibly_AndResendDelivers()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        smtp.Behaviour = SmtpBehaviour.Refuse;
        var settings = DispatcherHost.Smtp(smtp.Port);
        settings["Loyalty:Email:Dispatch:MaxAttempts"] = "3";
        await using var host = await DispatcherHost.StartAsync(database, settings);
        var merchant = await database.AddMerchantAsync();
        var (_, messageId) = await database.EnrolAsync(merchant, "Tom Klein", "tom@example.com", "en");

        await Eventually.TrueAsync(() => database.IsProcessedAsync(messageId), "the dispatcher gave up");

        var log = await database.LogAsync(messageId);
        Assert.Equal([EmailLogStatus.Failed, EmailLogStatus.Failed, EmailLogStatus.GaveUp], log.Select(e => e.Status));
        Assert.Equal($"gave up after 3 attempts: 127.0.0.1:{smtp.Port} refused: 554 {TestSmtpServer.RefusalText}", log[2].Detail);

        smtp.Behaviour = SmtpBehaviour.Accept;
        var queue = host.Services.GetRequiredService<Loyalty.Email.Dispatch.OutboxQueue>();
        Assert.True(await queue.ResendAsync(messageId, merchant, DateTimeOffset.UtcNow, CancellationToken.None));
        await Eventually.TrueAsync(() => smtp.ReceivedCount == 1, "the resent message arrived");
        await Eventually.TrueAsync(async () => (await database.LogAsync(messageId)).Count == 4, "the resend was logged");
        Assert.Equal((1, EmailLogStatus.Sent), ((await database.LogAsync(messageId))[3].Attempt, (await database.LogAsync(messageId))[3].Status));
        Assert.False(await queue.ResendAsync(messageId, Guid.NewGuid(), DateTimeOffset.UtcNow, CancellationToken.None));
    }

    [Fact]
    public async Task NoSmtpServerConfigured_WritesEmlFile_AndLogsNotSent()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var host = await DispatcherHost.StartAsync(database, new Dictionary<string, string?>());
        var merchant = await database.AddMerchantAsync();
        var (card, messageId) = await database.EnrolAsync(merchant, "Sofia Rossi", "sofia@example.com", "en");
        var bonus = await database.AddOutboxAsync(OutboxTopics.WelcomeBonus, merchant, card, """{"points": 50}""");

        await Eventually.TrueAsync(async () => await database.IsProcessedAsync(messageId) && await database.IsProcessedAsync(bonus), "both messages are settled");

        var file = Path.Combine(host.DataDirectory, "mail", $"outbox-{bonus}.eml");
        var entry = Assert.Single(await database.LogAsync(bonus));
        Assert.Equal(EmailLogStatus.NotSent, entry.Status);
        Assert.Equal($"{EmlDropFolder.NotSentReason}; written to {file}", entry.Detail);
        var written = await MimeMessage.LoadAsync(file);
        Assert.Equal("50 welcome points from Fashion Hub", written.Subject);
        Assert.Contains("As a welcome gift, Fashion Hub has added 50 points to your card.", written.TextBody, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "mail", $"outbox-{messageId}.eml")));
    }

    [Fact]
    public async Task TwoDispatchers_OnOneDatabase_SendEachMessageOnce()
    {
        const int Count = 200;
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        var merchant = await database.AddMerchantAsync();
        var ids = new List<long>();
        for (var i = 0; i < Count; i++)
        {
            ids.Add((await database.EnrolAsync(merchant, $"Customer {i}", $"c{i}@example.com", "en")).MessageId);
        }

        var settings = DispatcherHost.Smtp(smtp.Port);
        settings["Loyalty:Email:Dispatch:BatchSize"] = "10";
        await using var first = await DispatcherHost.StartAsync(database, settings);
        await using var second = await DispatcherHost.StartAsync(database, settings);

        await Eventually.TrueAsync(
            async () => (long)(await database.ScalarAsync("SELECT count(*) FROM outbox WHERE processed_at IS NOT NULL"))! == Count,
            "every message is settled", TimeSpan.FromSeconds(60));

        var received = smtp.Messages;
        Assert.Equal(Count, received.Count);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"c{i}@example.com").Order(StringComparer.Ordinal),
            received.Select(m => Assert.Single(m.To.Mailboxes).Address).Order(StringComparer.Ordinal));
        Assert.Equal(Count, (long)(await database.ScalarAsync("SELECT count(*) FROM email_log WHERE status = 'sent' AND attempt = 1"))!);
        Assert.Equal(Count, (long)(await database.ScalarAsync("SELECT count(*) FROM email_log"))!);
    }

    [Fact]
    public async Task PortalSignIn_IsSentToThePayloadsAddress_InThePayloadsLanguage()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        await using var host = await DispatcherHost.StartAsync(database, DispatcherHost.Smtp(smtp.Port));
        var merchant = await database.AddMerchantAsync("Café Kirchberg");
        const string Link = "https://loyalty.example/m/cafe/portal/sign-in/abc123";
        await database.AddOutboxAsync(OutboxTopics.PortalSignIn, merchant, "",
            $$"""{"email": "jean@example.com", "locale": "fr", "link": "{{Link}}", "expiresAt": "2026-03-14T09:30:00Z"}""");

        await Eventually.TrueAsync(() => smtp.ReceivedCount == 1, "the sign-in e-mail arrived");

        var message = Assert.Single(smtp.Messages);
        Assert.Equal("jean@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Votre lien de connexion Café Kirchberg", message.Subject);
        Assert.Contains($"{Link}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ce lien est valable jusqu'au samedi 14 mars 2026 09:30 UTC.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Link}\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPasswordReset_WithoutMerchantOrCard_IsSentToThePayloadsAddressInItsLanguage()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        await using var host = await DispatcherHost.StartAsync(database, DispatcherHost.Smtp(smtp.Port));
        const string Link = "https://loyalty.example/admin/reset-password?token=abc123";
        var id = (long)(await database.ScalarAsync(
            "INSERT INTO outbox (topic, merchant_id, card_number, payload, created_at) VALUES ($1, NULL, NULL, $2::jsonb, now()) RETURNING id",
            OutboxTopics.AdminPasswordReset,
            $$"""{"email": "anna@example.com", "displayName": "Anna Weber", "locale": "de", "link": "{{Link}}", "expiresAt": "2026-03-14T09:30:00Z"}"""))!;

        await Eventually.TrueAsync(() => smtp.ReceivedCount == 1, "the reset e-mail arrived");

        var message = Assert.Single(smtp.Messages);
        Assert.Equal("anna@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Setzen Sie Ihr Loyalty-Verwaltungspasswort zurück", message.Subject);
        Assert.Contains("Hallo Anna Weber,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Link}\"", message.HtmlBody, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => (long)(await database.ScalarAsync(
            "SELECT count(*) FROM email_log WHERE outbox_id = $1 AND merchant_id IS NULL AND status = 'sent' AND template = 'admin-password-reset'", id))! == 1, "the log has the sending");
    }

    [Fact]
    public async Task PointsExpiring_InGerman_NamesPointsAndDate()
    {
        var database = await EmailDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        await using var host = await DispatcherHost.StartAsync(database, DispatcherHost.Smtp(smtp.Port));
        var merchant = await database.AddMerchantAsync();
        var card = await database.AddCardAsync(merchant, "Jonas Klein", "jonas@example.com", "de");
        await database.AddOutboxAsync(OutboxTopics.PointsExpiring, merchant, card, """{"points": 1250, "expiresAt": "2026-03-14T00:00:00+00:00"}""");

        await Eventually.TrueAsync(() => smtp.ReceivedCount == 1, "the notice arrived");

        var message = Assert.Single(smtp.Messages);
        Assert.Equal("1.250 Punkte verfallen am Samstag, 14. März 2026", message.Subject);
    }
}
