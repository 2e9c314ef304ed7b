using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Runtime.Postgres;

/// <summary>
/// The process's PostgreSQL: the configured server, or an embedded one it starts (and stops on shutdown).
/// Starts before everything else, applies every registered module's migrations (safe when several processes
/// start at once), and hands out the shared <see cref="NpgsqlDataSource"/>. Components take this class rather
/// than the data source itself, because hosted services are constructed before any of them starts.
/// </summary>
public sealed partial class LoyaltyDatabase(
    IOptions<DatabaseOptions> options,
    IEnumerable<MigrationSource> migrations,
    SchemaMigrator migrator,
    ILogger<LoyaltyDatabase> logger) : IHostedService, IAsyncDisposable
{
    private EmbeddedPostgresServer? _server;
    private NpgsqlDataSource? _dataSource;

    public NpgsqlDataSource DataSource => _dataSource
        ?? throw new InvalidOperationException("The database is not started yet: LoyaltyDatabase starts as the first hosted service.");

    /// <summary>True when this process runs its own embedded server.</summary>
    public bool IsEmbedded => _server is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var connectionString = settings.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.GetFullPath(Path.Combine(settings.DataDirectory, "postgres"));
            LogStartingEmbedded(logger, dataDirectory);
            _server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataDirectory = dataDirectory }, logger, cancellationToken);
            connectionString = _server.ConnectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = settings.MaxPoolSize, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 };
        await migrator.MigrateAsync(builder.ConnectionString, migrations, cancellationToken);
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            _dataSource = null;
        }

        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
            _server = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Information, Message = "No ConnectionStrings:Loyalty configured: starting an embedded PostgreSQL in {DataDirectory}")]
    private static partial void LogStartingEmbedded(ILogger logger, string dataDirectory);
}
