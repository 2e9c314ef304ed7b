using Loyalty.Database;
using Loyalty.Testing;
using Loyalty.Web.Admin;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Tests.Admin;

public sealed class AdminTokenStoreTests : IAsyncLifetime, IAsyncDisposable
{
    private LoyaltyDatabase _database = null!;
    private AdminTokenStore _store = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("tokens");
        _database = new LoyaltyDatabase(
            Options.Create(new DatabaseOptions { ConnectionString = connectionString }),
            [MigrationSource.Orleans, new MigrationSource("web", typeof(AdminTokenStore).Assembly)],
            new SchemaMigrator(NullLogger<SchemaMigrator>.Instance, TimeProvider.System),
            NullLogger<LoyaltyDatabase>.Instance);
        await _database.StartAsync(CancellationToken.None);
        _store = new AdminTokenStore(_database, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreateBootstrapTokenIfMissingAsync_ConcurrentStarts_CreateExactlyOneToken()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _store.CreateBootstrapTokenIfMissingAsync(CancellationToken.None)));

        var token = Assert.Single(created, t => t is not null)!;
        var principal = await _store.FindAsync(token, CancellationToken.None);
        Assert.Equal(AdminPrincipal.PlatformAdmin, principal?.Role);
        Assert.Null(await _store.CreateBootstrapTokenIfMissingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SetBootstrapTokenAsync_ChangedConfiguration_ReplacesTheOldToken()
    {
        var first = AdminTokens.Generate();
        var second = AdminTokens.Generate();

        await _store.SetBootstrapTokenAsync(first, CancellationToken.None);
        await _store.SetBootstrapTokenAsync(second, CancellationToken.None);

        Assert.Null(await _store.FindAsync(first, CancellationToken.None));
        Assert.NotNull(await _store.FindAsync(second, CancellationToken.None));
    }

    [Fact]
    public void Validate_ShortConfiguredToken_FailsNamingTheSetting()
    {
        var result = new AdminOptionsValidator().Validate(null, new AdminOptions { BootstrapToken = "short" });

        Assert.True(result.Failed);
        Assert.Contains("Loyalty:Admin:BootstrapToken", result.FailureMessage, StringComparison.Ordinal);
    }
}
