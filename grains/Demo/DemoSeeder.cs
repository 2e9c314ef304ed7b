using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Grains.Demo;

/// <summary>
/// Seeds <see cref="DemoCatalog"/> through the grains (so the data is exactly what the admin API would create) into a
/// database without merchants. Several processes may start at once: a transaction-scoped advisory lock lets one seed
/// while the others wait, then see the merchant and skip. A failed step stops start-up rather than leaving a silent
/// half-seeded database; the next start completes it.
/// </summary>
public sealed partial class DemoSeeder(
    IOptions<DemoOptions> options,
    LoyaltyDatabase database,
    IGrainFactory grains,
    ILogger<DemoSeeder> logger) : IHostedService
{
    /// <summary>Advisory lock key held while seeding; the bytes spell "LoyDemoS".</summary>
    internal const long AdvisoryLockKey = 0x4C6F_7944_656D_6F53;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Seed)
            await SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Seeds unless another merchant exists; returns how many entities this call created.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction) { CommandTimeout = 0 })
        {
            take.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey });
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var other = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM merchants WHERE merchant_id <> $1)", connection, transaction))
        {
            other.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = DemoCatalog.MerchantId });
            if (await other.ExecuteScalarAsync(cancellationToken) is true)
            {
                LogSkipped(logger);
                return 0;
            }
        }

        var created = await CreateAllAsync();
        await transaction.CommitAsync(cancellationToken);
        if (created > 0)
            LogSeeded(logger, created);
        return created;
    }

    private async Task<int> CreateAllAsync()
    {
        const string actor = AuditActors.System;
        var created = Count(await grains.GetGrain<IMerchantGrain>(DemoCatalog.MerchantId).CreateAsync(DemoCatalog.Merchant(actor)));
        foreach (var (id, command) in DemoCatalog.Stores(actor))
            created += Count(await grains.GetGrain<IStoreGrain>(id).CreateAsync(command));
        foreach (var (id, command) in DemoCatalog.Programs(actor))
            created += Count(await grains.GetGrain<IProgramGrain>(id).CreateAsync(command));
        return created;
    }

    // A conflict means the entity is there from an earlier (possibly interrupted) seed; anything else is a bug in the demo data.
    private static int Count<T>(CommandResult<T> result)
        where T : class => result.Succeeded ? 1
        : result.Error.Code == CommandErrorCodes.Conflict ? 0
        : throw new InvalidOperationException($"Demo seeding failed: {result.Error.Code}: {result.Error.Message}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo merchant Fashion Hub ({Created} entities); set Loyalty:Demo:Seed=false to skip")]
    private static partial void LogSeeded(ILogger logger, int created);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo seeding skipped: the database already has merchants")]
    private static partial void LogSkipped(ILogger logger);
}
