using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Pins;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;
using Loyalty.Grains.Cards;
using Loyalty.Database;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Grains.Demo;

/// <summary>
/// Seeds <see cref="DemoCatalog"/> through the grains (so the data is exactly what the admin and terminal APIs would
/// create: PINs through the PIN grain, cards through the enrolment grain and card operations with fixed idempotency
/// keys, which replay on a later run) into a database without merchants. Several processes may start at once: a transaction-scoped advisory lock lets one seed
/// while the others wait, then see the merchant and skip. A failed step stops start-up rather than leaving a silent
/// half-seeded database; the next start completes it.
/// </summary>
/// <remarks>
/// Seeds once every service has started (<see cref="IHostedLifecycleService.StartedAsync"/>), when this silo is active in
/// the cluster: after a crash the membership table still lists the crashed silo as active, and grains placed on it
/// wait until an active silo declares it dead. Seeding while this silo was still joining waited for a declaration only
/// an active silo can make, until the calls' deadline failed start-up.
/// </remarks>
public sealed partial class DemoSeeder(
    IOptions<DemoOptions> options,
    LoyaltyDatabase database,
    IGrainFactory grains,
    ILogger<DemoSeeder> logger) : IHostedLifecycleService
{
    /// <summary>Advisory lock key held while seeding; the bytes spell "LoyDemoS".</summary>
    internal const long AdvisoryLockKey = 0x4C6F_7944_656D_6F53;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Seed)
            await SeedAsync(cancellationToken);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
        foreach (var member in DemoCatalog.Staff)
            created += await CreatePinAsync(member, actor);
        foreach (var card in DemoCatalog.Cards)
            created += await CreateCardAsync(card);
        return created;
    }

    private async Task<int> CreatePinAsync(DemoStaffMember member, string actor)
    {
        var pin = grains.GetGrain<IPinGrain>(member.PinId);
        if (await pin.GetAsync() is not null)
            return 0;
        await pin.CreateAsync(new CreatePinCommand(member.StoreId, DemoCatalog.MerchantId, member.Name, member.Pin, actor));
        return 1;
    }

    // Every step has a fixed idempotency key: after an interrupted seed, the steps that were applied replay and change nothing.
    private async Task<int> CreateCardAsync(DemoCard card)
    {
        var customer = new CustomerProfile(card.Name, card.Email, Phone: null, Birthday: null, Locales.Default);
        var enrolment = Check(await grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(card.ProgramId, card.Email))
            .EnrollAsync(new EnrollmentRequest(card.ProgramId, customer, Origin(card, "enrolment"))));
        var cardGrain = grains.GetGrain<ICardGrain>(enrolment.Card!.CardNumber);

        // A stamp operation takes at most 10 stamps, as at a terminal.
        for (var (given, step) = (0, 1); given < card.Stamps; step++)
        {
            var count = Math.Min(10, card.Stamps - given);
            Check(await cardGrain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, Origin(card, $"stamps-{step}"), Count: count)));
            given += count;
        }

        if (card.PurchaseAmountMinor > 0)
        {
            Check(await cardGrain.ApplyAsync(new CardCommand(
                CardCommandKind.Points, Origin(card, "purchase"), PurchaseAmountMinor: card.PurchaseAmountMinor, Currency: DemoCatalog.Currency)));
        }

        return enrolment is { Status: CardOutcomeStatus.Applied, Replayed: false } ? 1 : 0;
    }

    private static OperationOrigin Origin(DemoCard card, string step) =>
        new(DemoCatalog.MerchantId, card.StoreId, DeviceId: null, card.PinId, DemoCatalog.TimeZone, $"{card.Key}-{step}", OccurredAt: null);

    private static CardOutcome Check(CardOutcome outcome) =>
        outcome.Status is CardOutcomeStatus.Applied or CardOutcomeStatus.Existing
            ? outcome
            : throw new InvalidOperationException($"Demo seeding failed: {outcome.Status}: {outcome.Error?.Code}: {outcome.Error?.Message}");

    // A conflict means the entity is there from an earlier (possibly interrupted) seed; anything else is a bug in the demo data.
    private static int Count<T>(CommandResult<T> result)
        where T : class => result.Succeeded ? 1
        : result.Error.Code == CommandErrorCodes.Conflict ? 0
        : throw new InvalidOperationException($"Demo seeding failed: {result.Error.Code}: {result.Error.Message}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo merchant Fashion Hub ({Created} entities: stores, programs, staff PINs and cards; the demo PINs are in the README); set Loyalty:Demo:Seed=false to skip")]
    private static partial void LogSeeded(ILogger logger, int created);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo seeding skipped: the database already has merchants")]
    private static partial void LogSkipped(ILogger logger);
}
