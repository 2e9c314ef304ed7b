using System.Globalization;
using Loyalty.Browser.Tests.Hosting;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Testing.Smtp;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Browser.Tests.Admin.Email;

/// <summary>
/// The site with its dispatcher sending through <see cref="Smtp"/>, a real SMTP server in this process, giving up after
/// one attempt: a message the server refuses is "gave up" at once, with the server's reply, for the log to show.
/// </summary>
public sealed class EmailSiteApp : SiteApp, IAsyncLifetime
{
    public EmailSiteApp()
        : this(TestSmtpServer.Start())
    {
    }

    private EmailSiteApp(TestSmtpServer smtp)
        : base(new Dictionary<string, string?>
        {
            ["Loyalty:Email:Smtp:Host"] = "127.0.0.1",
            ["Loyalty:Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Loyalty:Email:Smtp:Security"] = "None",
            ["Loyalty:Email:From"] = "Café Lumière <hello@cafe.example>",
            ["Loyalty:Email:Dispatch:PollInterval"] = "00:00:00.050",
            ["Loyalty:Email:Dispatch:MaxAttempts"] = "1",
        }) => Smtp = smtp;

    public TestSmtpServer Smtp { get; }

    /// <summary>Enrols <paramref name="email"/> in the program as the storefront does; the dispatcher then sends the enrolment e-mail.</summary>
    public async Task EnrolAsync(TestMerchant merchant, Guid programId, string name, string email, string locale = "en")
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var grains = Services.GetRequiredService<IGrainFactory>();
        var outcome = await grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, email)).EnrollAsync(new EnrollmentRequest(
            programId,
            new CustomerProfile(name, email, null, null, locale),
            new OperationOrigin(merchant.Id, null, null, null, "Europe/Luxembourg", $"enrol-{email}", null)));
        Assert.Equal(CardOutcomeStatus.Applied, outcome.Status);
    }

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
