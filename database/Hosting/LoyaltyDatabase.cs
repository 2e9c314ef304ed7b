using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Database;

/// <summary>
/// The process's PostgreSQL: the configured server, or an embedded one it starts (and stops on shutdown).
/// Starts before every other hosted service, applies every registered module's migrations (safe when several
/// processes start at once), and hands out the shared <see cref="NpgsqlDataSource"/>. Components take this class
/// rather than the data source itself, because hosted services are constructed before any of them starts.
/// </summary>
public sealed partial class LoyaltyDatabase : IHostedService, IAsyncDisposable
{
    private readonly IOptions<DatabaseOptions> _options;
    private readonly IEnumerable<MigrationSource> _migrations;
    private readonly SchemaMigrator _migrator;
    private readonly ILogger<LoyaltyDatabase> _logger;
    private EmbeddedPostgresServer? _server;
    private NpgsqlDataSource? _dataSource;
    private string? _connectionString;

    public LoyaltyDatabase(
        IOptions<DatabaseOptions> options,
        IEnumerable<MigrationSource> migrations,
        SchemaMigrator migrator,
        ILogger<LoyaltyDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(migrator);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _migrations = migrations;
        _migrator = migrator;
        _logger = logger;
        DeferredDataSource = new DeferredDataSource(this);
    }

    /// <summary>The shared data source; available once the database has started.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw NotStarted();

    /// <summary>
    /// The connection string the data source uses, after any embedded server started (its port is chosen then) and
    /// with this process's pool settings; available once the database has started.
    /// </summary>
    public string ConnectionString => _connectionString ?? throw NotStarted();

    /// <summary>True when this process runs its own embedded server.</summary>
    public bool IsEmbedded => _server is not null;

    /// <summary>
    /// A data source that exists from construction and reaches <see cref="DataSource"/> when it is used: what
    /// Orleans' ADO.NET options get, since Orleans reads them while the host constructs its hosted services, before
    /// this one has started (see <see cref="OrleansOptionsBuilderExtensions"/>).
    /// </summary>
    internal DbDataSource DeferredDataSource { get; }

    internal bool IsStarted => _dataSource is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        var connectionString = settings.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.GetFullPath(Path.Combine(settings.DataDirectory, "postgres"));
            LogStartingEmbedded(_logger, dataDirectory);
            _server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataDirectory = dataDirectory }, _logger, cancellationToken);
            connectionString = _server.ConnectionString;
        }

        // MaxPoolSize is written as "Maximum Pool Size", the spelling Npgsql 10 accepts.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = settings.MaxPoolSize, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 };
        await _migrator.MigrateAsync(builder.ConnectionString, _migrations, cancellationToken);
        _connectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            _dataSource = null;
            _connectionString = null;
        }

        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
            _server = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private static InvalidOperationException NotStarted() => new(
        "The database is not started (or already stopped): LoyaltyDatabase starts as the first hosted service, so only use it from " +
        "hosted services' StartAsync onwards.");

    [LoggerMessage(Level = LogLevel.Information, Message = "No ConnectionStrings:Loyalty configured: starting an embedded PostgreSQL in {DataDirectory}")]
    private static partial void LogStartingEmbedded(ILogger logger, string dataDirectory);
}
