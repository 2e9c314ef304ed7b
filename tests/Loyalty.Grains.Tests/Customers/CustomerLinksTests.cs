using Loyalty.Database;
using Loyalty.Grains.Customers;
using Loyalty.Grains.Tests.Storage;
using Loyalty.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Tests.Customers;

/// <summary>Two service providers on one database stand for two processes of a deployment (a silo and a frontend).</summary>
public sealed class CustomerLinksTests : IAsyncLifetime
{
    private const string CardNumber = "4000000000000002";
    private readonly List<ServiceProvider> _processes = [];
    private string _connectionString = null!;

    public async Task InitializeAsync() =>
        _connectionString = await PostgresServer.CreateDatabaseAsync("links", [MigrationSource.Orleans, StorageDatabase.Migrations]);

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    [Fact]
    public async Task CardToken_MadeByOneProcess_IsReadByAnotherThroughTheSharedKeyRing()
    {
        var silo = await StartProcessAsync();
        var frontend = await StartProcessAsync();

        var token = silo.GetRequiredService<CustomerLinks>().CardToken(CardNumber);

        Assert.Equal(CardNumber, frontend.GetRequiredService<CustomerLinks>().ReadCardToken(token));
        Assert.Equal(1, await CountKeysAsync());
    }

    [Fact]
    public async Task ReadCardToken_AlteredOrForeignToken_IsNull()
    {
        var links = (await StartProcessAsync()).GetRequiredService<CustomerLinks>();
        var token = links.CardToken(CardNumber);
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.Null(links.ReadCardToken(altered));
        Assert.Null(links.ReadCardToken("4000000000000002"));
        Assert.Null(links.ReadCardToken("not base64 !"));
    }

    [Fact]
    public async Task CardPage_ConfiguredBaseWithPath_IsAbsoluteUnderIt()
    {
        var links = (await StartProcessAsync("https://loyalty.example.com/shop")).GetRequiredService<CustomerLinks>();

        var page = links.CardPage("fashion hub", CardNumber);

        Assert.StartsWith("https://loyalty.example.com/shop/m/fashion%20hub/card/", page.AbsoluteUri, StringComparison.Ordinal);
        var token = page.AbsolutePath["/shop/m/fashion%20hub/card/".Length..];
        Assert.Equal(CardNumber, links.ReadCardToken(token));
    }

    [Fact]
    public void AddLoyaltyCustomerLinks_RelativeBaseUrl_FailsValidation()
    {
        var services = Services(new Dictionary<string, string?> { [CustomerLinkOptions.Key] = "/relative" });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CustomerLinkOptions>>().Value);
        Assert.Equal("Loyalty:PublicBaseUrl must be an absolute http or https address.", error.Message);
    }

    private async Task<ServiceProvider> StartProcessAsync(string? baseUrl = null)
    {
        var services = Services(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Loyalty"] = _connectionString,
            [CustomerLinkOptions.Key] = baseUrl,
        });
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddLogging();
        services.AddMigrations("loyalty", typeof(CustomerLinks).Assembly);
        var provider = services.BuildServiceProvider();
        _processes.Add(provider);
        await provider.GetRequiredService<LoyaltyDatabase>().StartAsync(CancellationToken.None);
        return provider;
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLoyaltyDatabase(configuration);
        services.AddLoyaltyCustomerLinks(configuration);
        return services;
    }

    private async Task<long> CountKeysAsync()
    {
        await using var source = Npgsql.NpgsqlDataSource.Create(_connectionString);
        await using var command = source.CreateCommand("SELECT count(*) FROM data_protection_keys");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
