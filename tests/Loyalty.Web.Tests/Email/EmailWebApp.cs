using Loyalty.Testing.Smtp;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Email;

/// <summary>
/// The frontend (co-hosting its silo and dispatcher) with <c>Loyalty:Email:Smtp</c> pointing at <see cref="Configured"/>,
/// and a second SMTP server, <see cref="Other"/>, for overrides. Both are real SMTP servers in this process.
/// </summary>
public sealed class EmailWebApp : IAsyncLifetime
{
    public TestSmtpServer Configured { get; } = TestSmtpServer.Start();

    public TestSmtpServer Other { get; } = TestSmtpServer.Start();

    public WebApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new WebApp(timeProvider: null, settings: new Dictionary<string, string?>
        {
            ["Loyalty:Email:Smtp:Host"] = "127.0.0.1",
            ["Loyalty:Email:Smtp:Port"] = Configured.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Loyalty:Email:Smtp:Security"] = "None",
            ["Loyalty:Email:From"] = "Configured <configured@loyalty.example>",
            ["Loyalty:Email:Dispatch:PollInterval"] = "00:00:00.050",
        });
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Configured.DisposeAsync();
        await Other.DisposeAsync();
    }
}
