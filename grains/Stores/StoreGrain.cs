using System.Text.Json;
using Loyalty.Grains.Audit;
using Loyalty.Grains.Catalog;
using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Stores;
using Loyalty.Grains.ReadModels;
using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Stores;

public sealed class StoreGrain(
    [PersistentState("store")] IPersistentState<StoreState> state,
    SlugLookup slugs,
    RowWriter rows,
    TimeProvider timeProvider) : Grain, IStoreGrain
{
    public const string SlugConstraint = "stores_merchant_slug_key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Exists ? GrainReadModel.RepairAsync(this, rows, ReadModelRow(state.State), cancellationToken) : Task.CompletedTask;

    public async Task<CommandResult<StoreDetails>> CreateAsync(CreateStoreCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state.State.Exists)
            return CommandResult.Failure<StoreDetails>(CommandError.Conflict($"Store {Id} already exists."));
        var errors = StoreValidator.Validate(command);
        if (!errors.IsEmpty)
            return CommandResult.Failure<StoreDetails>(CommandError.Validation(errors.ToDictionary()));

        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(command.MerchantId).GetAsync();
        if (merchant is null)
            return CommandResult.Failure<StoreDetails>(new CommandError(CommandErrorCodes.MerchantNotFound, $"Merchant {command.MerchantId} does not exist."));
        var slug = command.Slug!;
        if (await slugs.IsStoreSlugTakenAsync(command.MerchantId, slug))
            return SlugTaken(slug);

        var now = timeProvider.GetUtcNow();
        var store = new StoreState
        {
            MerchantId = command.MerchantId,
            Name = command.Name!.Trim(),
            Slug = slug,
            TimeZone = StoreValidator.FindIanaTimeZone(command.TimeZone ?? StoreDefaults.TimeZone)?.Id ?? StoreDefaults.TimeZone,
            Descriptions = StoreValidator.CleanDescriptions(command.Descriptions),
            CreatedAt = now,
        };
        var audit = new AuditEntry(store.MerchantId, command.Actor, AuditActions.StoreCreated, AuditSubjects.Store, Id.ToString("D"), now)
        {
            Details = new Dictionary<string, object?> { ["name"] = store.Name, ["slug"] = slug, ["timeZone"] = store.TimeZone },
        };

        state.State = store;
        await state.WriteStateAsync();
        try
        {
            await GrainReadModel.WriteAsync(this, rows, [ReadModelRow(store), audit.ToStorageRow()]);
        }
        catch (Exception exception) when (UniqueViolation.Matches(exception, SlugConstraint))
        {
            // Another store of the merchant took the slug between the check and the write: this one never existed.
            await state.ClearStateAsync();
            state.State = new StoreState();
            return SlugTaken(slug);
        }

        return CommandResult.Success(ToDetails(store, null, merchant.DefaultLocale));
    }

    public async Task<CommandResult<StoreDetails>> UpdateAsync(UpdateStoreCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!state.State.Exists || state.State.MerchantId != command.MerchantId)
            return CommandResult.Failure<StoreDetails>(new CommandError(CommandErrorCodes.StoreNotFound, $"Merchant {command.MerchantId} has no store {Id}."));
        var errors = StoreValidator.Validate(command);
        if (!errors.IsEmpty)
            return CommandResult.Failure<StoreDetails>(CommandError.Validation(errors.ToDictionary()));

        var previous = state.State;
        var store = previous with
        {
            Name = command.Name!.Trim(),
            TimeZone = StoreValidator.FindIanaTimeZone(command.TimeZone ?? StoreDefaults.TimeZone)?.Id ?? StoreDefaults.TimeZone,
            Descriptions = StoreValidator.CleanDescriptions(command.Descriptions),
        };
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(store.MerchantId).GetAsync();
        if (SameContent(previous, store))
            return CommandResult.Success(ToDetails(store, null, merchant?.DefaultLocale));

        var audit = new AuditEntry(store.MerchantId, command.Actor, AuditActions.StoreUpdated, AuditSubjects.Store, Id.ToString("D"), timeProvider.GetUtcNow())
        {
            Details = new Dictionary<string, object?>
            {
                ["name"] = store.Name,
                ["timeZone"] = store.TimeZone,
                ["descriptionLocales"] = store.Descriptions.Keys.Order(StringComparer.Ordinal).ToArray(),
            },
        };
        state.State = store;
        await state.WriteStateAsync();
        await GrainReadModel.WriteAsync(this, rows, [ReadModelRow(store), audit.ToStorageRow()]);
        return CommandResult.Success(ToDetails(store, null, merchant?.DefaultLocale));
    }

    public async Task<StoreDetails?> GetAsync(string? locale)
    {
        if (!state.State.Exists)
            return null;
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(state.State.MerchantId).GetAsync();
        return ToDetails(state.State, locale, merchant?.DefaultLocale);
    }

    // Descriptions are a dictionary, which records compare by reference; the stored JSON is what must differ.
    private static bool SameContent(StoreState a, StoreState b) =>
        string.Equals(JsonSerializer.Serialize(a, Json), JsonSerializer.Serialize(b, Json), StringComparison.Ordinal);

    private static CommandResult<StoreDetails> SlugTaken(string slug) =>
        CommandResult.Failure<StoreDetails>(CommandError.Conflict($"The merchant already has a store with the slug '{slug}'."));

    private StorageRow ReadModelRow(StoreState store) => StorageRow.Upsert(
        "stores",
        ["store_id"],
        new("store_id", Id),
        new("merchant_id", store.MerchantId),
        new("name", store.Name),
        new("slug", store.Slug),
        new("time_zone", store.TimeZone),
        new("descriptions", new JsonbValue(JsonSerializer.Serialize(store.Descriptions, Json))),
        new("created_at", store.CreatedAt));

    private StoreDetails ToDetails(StoreState store, string? locale, string? merchantDefaultLocale)
    {
        StoreDescriptions.TryResolve(store.Descriptions, locale, merchantDefaultLocale, out var descriptionLocale, out var description);
        return new StoreDetails(Id, store.MerchantId, store.Name!, store.Slug!, store.TimeZone!, store.Descriptions, description, descriptionLocale, store.CreatedAt);
    }
}
