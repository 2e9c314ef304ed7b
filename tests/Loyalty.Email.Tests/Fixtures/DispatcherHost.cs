using Loyalty.Database;
using Loyalty.Email.Hosting;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Customers;
using Loyalty.Testing;
using Loyalty.Testing.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Loyalty.Email.Tests.Fixtures;

/// <summary>
/// A process's e-mail side as a silo hosts it (database, Data Protection keys in PostgreSQL, the dispatcher), without
/// Orleans: the dispatcher reads only tables. Retries and polls are short so tests wait milliseconds, not minutes.
/// </summary>
public sealed class DispatcherHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TemporaryDirectory _dataDirectory;

    private DispatcherHost(IHost host, TemporaryDirectory dataDirectory)
    {
        _host = host;
        _dataDirectory = dataDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public string DataDirectory => _dataDirectory.Path;

    /// <summary>Settings for an SMTP server on a loopback port, no TLS (the test server speaks plain SMTP).</summary>
    public static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Loyalty:Email:Smtp:Host"] = "127.0.0.1",
        ["Loyalty:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Loyalty:Email:Smtp:Security"] = "None",
        ["Loyalty:Email:From"] = "Fashion Hub <hello@fashionhub.example>",
    };

    public static async Task<DispatcherHost> StartAsync(EmailDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(database);
        var dataDirectory = TemporaryDirectory.Create("loyalty-email-");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Loyalty"] = database.ConnectionString,
            ["Loyalty:DataDirectory"] = dataDirectory.Path,
            ["Loyalty:PublicBaseUrl"] = "https://loyalty.example/",
            ["Loyalty:Email:Dispatch:PollInterval"] = "00:00:00.050",
            ["Loyalty:Email:Dispatch:FirstRetryDelay"] = "00:00:00.100",
            ["Loyalty:Email:Dispatch:MaxRetryDelay"] = "00:00:00.200",
            ["Loyalty:Email:Dispatch:SendTimeout"] = "00:00:05",
        }).AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddLoyaltyDatabase(builder.Configuration);
        builder.Services.AddMigrations("loyalty", typeof(OutboxTopics).Assembly);
        builder.Services.AddLoyaltyCustomerLinks(builder.Configuration);
        builder.Services.AddLoyaltyEmailDispatcher(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new DispatcherHost(host, dataDirectory);
    }

    public CustomerLinks Links => _host.Services.GetRequiredService<CustomerLinks>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _dataDirectory.Dispose();
    }
}
