using System.Globalization;
using Loyalty.Grains.Cards;
using Loyalty.Testing.Email;
using Loyalty.Testing.Smtp;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.AdminSite.Email;

/// <summary>
/// The frontend (co-hosting its silo and dispatcher) for the admin e-mail pages, sending through <see cref="Smtp"/> by
/// configuration, with <see cref="Other"/> for overrides: both real SMTP servers in this process. Log rows are added as
/// the dispatcher writes them (<see cref="AddLoggedMessageAsync"/>), for exact filters.
/// </summary>
public sealed class AdminEmailApp : IAsyncLifetime
{
    public const string ConfiguredFrom = "Configured <configured@loyalty.example>";

    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    public TestSmtpServer Other { get; } = TestSmtpServer.Start();

    public WebApp App { get; private set; } = null!;

    public EmailDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new WebApp(timeProvider: null, settings: new Dictionary<string, string?>
        {
            ["Loyalty:Email:Smtp:Host"] = "127.0.0.1",
            ["Loyalty:Email:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Loyalty:Email:Smtp:Security"] = "None",
            ["Loyalty:Email:From"] = ConfiguredFrom,
            ["Loyalty:Email:Dispatch:PollInterval"] = "00:00:00.050",
        });
        await App.InitializeAsync();
        Database = EmailDatabase.Of(App.ConnectionString);
    }

    /// <summary>
    /// A settled enrolment message of a new card (so no dispatcher picks it up until it is resent) and its log entry:
    /// (message id, log entry id).
    /// </summary>
    public async Task<(long MessageId, long EntryId)> AddLoggedMessageAsync(
        Guid merchantId, string recipient, string status, string detail, string template = OutboxTopics.Enrollment, int attempt = 1)
    {
        var card = await Database.AddCardAsync(merchantId, "Emma Schmit", recipient, "en");
        var messageId = (long)(await Database.ScalarAsync(
            "INSERT INTO outbox (topic, merchant_id, card_number, payload, created_at, processed_at, attempts) " +
            "VALUES ($1, $2, $3, $4::jsonb, now(), now(), $5) RETURNING id",
            template, merchantId, card, $$"""{"programId": "{{Guid.NewGuid()}}", "locale": "en", "points": 50, "rewardsAvailable": 1}""", attempt))!;
        var entryId = (long)(await Database.ScalarAsync(
            "INSERT INTO email_log (outbox_id, merchant_id, template, locale, recipient, subject, attempt, status, detail, occurred_at) " +
            "VALUES ($1, $2, $3, 'en', $4, 'Your card', $5, $6, $7, now()) RETURNING id",
            messageId, merchantId, template, recipient, attempt, status, detail))!;
        return (messageId, entryId);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
        await Other.DisposeAsync();
    }
}
