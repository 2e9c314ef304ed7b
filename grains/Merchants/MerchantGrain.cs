using Loyalty.Grains.Audit;
using Loyalty.Grains.Catalog;
using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Pins;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.ReadModels;
using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Merchants;

public sealed class MerchantGrain(
    [PersistentState("merchant")] IPersistentState<MerchantState> state,
    SlugLookup slugs,
    RowWriter rows,
    TimeProvider timeProvider) : Grain, IMerchantGrain
{
    public const string SlugConstraint = "merchants_slug_key";

    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Exists ? GrainReadModel.RepairAsync(this, rows, ReadModelRow(state.State), cancellationToken) : Task.CompletedTask;

    public async Task<CommandResult<MerchantDetails>> CreateAsync(CreateMerchantCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state.State.Exists)
            return CommandResult.Failure<MerchantDetails>(CommandError.Conflict($"Merchant {Id} already exists."));
        var errors = MerchantValidator.Validate(command);
        if (!errors.IsEmpty)
            return CommandResult.Failure<MerchantDetails>(CommandError.Validation(errors.ToDictionary()));

        var slug = command.Slug!;
        if (await slugs.IsMerchantSlugTakenAsync(slug))
            return SlugTaken(slug);

        var now = timeProvider.GetUtcNow();
        var merchant = new MerchantState
        {
            Name = command.Name!.Trim(),
            Slug = slug,
            DefaultLocale = command.DefaultLocale ?? Locales.Default,
            CreatedAt = now,
        };
        var audit = new AuditEntry(Id, command.Actor, AuditActions.MerchantCreated, AuditSubjects.Merchant, Id.ToString("D"), now)
        {
            Details = new Dictionary<string, object?> { ["name"] = merchant.Name, ["slug"] = slug, ["defaultLocale"] = merchant.DefaultLocale },
        };

        state.State = merchant;
        await state.WriteStateAsync();
        try
        {
            await GrainReadModel.WriteAsync(this, rows, [ReadModelRow(merchant), audit.ToStorageRow()]);
        }
        catch (Exception exception) when (UniqueViolation.Matches(exception, SlugConstraint))
        {
            // Another merchant took the slug between the check and the write: this one never existed.
            await state.ClearStateAsync();
            state.State = new MerchantState();
            return SlugTaken(slug);
        }

        return CommandResult.Success(ToDetails(merchant));
    }

    public Task<MerchantDetails?> GetAsync() =>
        Task.FromResult(state.State.Exists ? ToDetails(state.State) : null);

    public async Task<CommandResult<PinLockoutSettings>> SetPinLockoutAsync(SetPinLockoutCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!state.State.Exists)
            return CommandResult.Failure<PinLockoutSettings>(new CommandError(CommandErrorCodes.MerchantNotFound, $"Merchant {Id} does not exist."));
        var errors = PinLockoutValidator.Validate(command);
        if (!errors.IsEmpty)
            return CommandResult.Failure<PinLockoutSettings>(CommandError.Validation(errors.ToDictionary()));

        var settings = new PinLockoutSettings(command.MaxConsecutiveFailures!.Value, TimeSpan.FromMinutes(command.LockMinutes!.Value));
        var previous = state.State.PinLockout ?? PinLockoutSettings.Default;
        if (settings == previous)
            return CommandResult.Success(settings);

        var audit = new AuditEntry(Id, command.Actor, AuditActions.PinLockoutChanged, AuditSubjects.Merchant, Id.ToString("D"), timeProvider.GetUtcNow())
        {
            Details = new Dictionary<string, object?>
            {
                ["maxConsecutiveFailures"] = settings.MaxConsecutiveFailures,
                ["lockMinutes"] = (int)settings.LockDuration.TotalMinutes,
                ["previousMaxConsecutiveFailures"] = previous.MaxConsecutiveFailures,
                ["previousLockMinutes"] = (int)previous.LockDuration.TotalMinutes,
            },
        };
        state.State = state.State with { PinLockout = settings };
        await state.WriteStateAsync();
        await GrainReadModel.WriteAsync(this, rows, [audit.ToStorageRow()]);
        return CommandResult.Success(settings);
    }

    public Task<PinLockoutSettings> GetPinLockoutAsync() =>
        Task.FromResult(state.State.PinLockout ?? PinLockoutSettings.Default);

    private static CommandResult<MerchantDetails> SlugTaken(string slug) =>
        CommandResult.Failure<MerchantDetails>(CommandError.Conflict($"The slug '{slug}' is taken by another merchant."));

    private StorageRow ReadModelRow(MerchantState merchant) => StorageRow.Upsert(
        "merchants",
        ["merchant_id"],
        new("merchant_id", Id),
        new("name", merchant.Name),
        new("slug", merchant.Slug),
        new("default_locale", merchant.DefaultLocale),
        new("created_at", merchant.CreatedAt));

    private MerchantDetails ToDetails(MerchantState merchant) =>
        new(Id, merchant.Name!, merchant.Slug!, merchant.DefaultLocale, merchant.CreatedAt);
}
