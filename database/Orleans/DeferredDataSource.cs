using System.Data.Common;

namespace Loyalty.Database;

/// <summary>
/// Stands in for <see cref="LoyaltyDatabase.DataSource"/> before it exists. Orleans' ADO.NET providers take a
/// <see cref="DbDataSource"/> in options that Orleans reads (and validates) while the host constructs its hosted
/// services, that is before <see cref="LoyaltyDatabase"/> has started the server, chosen its port and migrated
/// the schema; they open connections only once the silo or client starts, after the database has. Every
/// connection comes from the database's one pool. Never disposes the real data source: the database owns it.
/// </summary>
internal sealed class DeferredDataSource(LoyaltyDatabase database) : DbDataSource
{
    // Orleans reads it when it creates its storage (after start-up) to log it; Npgsql's form has no password.
    public override string ConnectionString => database.IsStarted ? database.DataSource.ConnectionString : string.Empty;

    protected override DbConnection CreateDbConnection() => database.DataSource.CreateConnection();

    protected override DbConnection OpenDbConnection() => database.DataSource.OpenConnection();

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default) =>
        await database.DataSource.OpenConnectionAsync(cancellationToken);

    protected override DbCommand CreateDbCommand(string? commandText = null) => database.DataSource.CreateCommand(commandText);

    protected override DbBatch CreateDbBatch() => database.DataSource.CreateBatch();
}
