using Loyalty.Database;
using Loyalty.Grains.Storage;
using Loyalty.Testing;
using Npgsql;

namespace Loyalty.Grains.Tests.Storage;

/// <summary>
/// A database with the loyalty schema (grains/Migrations) for one test class, on the shared test server. Tests use
/// cards and keys of their own, so they run in parallel.
/// </summary>
public sealed class StorageDatabase : IAsyncLifetime
{
    /// <summary>The grains' migration module, as the hosts register it.</summary>
    public static MigrationSource Migrations { get; } = new("loyalty", typeof(CardStore).Assembly, "Loyalty.Grains.Migrations.");

    private string? _connectionString;

    /// <summary>A pool as the hosts configure theirs (see LoyaltyDatabase): automatic preparation on.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("storage", [Migrations]);
        DataSource = CreateDataSource();
    }

    /// <summary>Another pool on the same database; <paramref name="configure"/> changes its settings (pool size, name).</summary>
    public NpgsqlDataSource CreateDataSource(Action<NpgsqlConnectionStringBuilder>? configure = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 };
        configure?.Invoke(builder);
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public async Task DisposeAsync() => await DataSource.DisposeAsync();
}
