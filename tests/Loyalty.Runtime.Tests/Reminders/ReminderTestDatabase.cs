using Loyalty.Testing;
using Npgsql;

namespace Loyalty.Runtime.Tests.Reminders;

/// <summary>A database of its own for the reminder tests, with the runtime's schema.</summary>
public sealed class ReminderTestDatabase : IAsyncLifetime
{
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync() => DataSource = NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync("reminders"));

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }
    }
}
