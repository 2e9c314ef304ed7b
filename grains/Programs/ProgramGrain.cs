using System.Text.Json;
using Loyalty.Grains.Audit;
using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.ReadModels;
using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Programs;

public sealed class ProgramGrain(
    [PersistentState("program")] IPersistentState<ProgramState> state,
    RowWriter rows,
    TimeProvider timeProvider) : Grain, IProgramGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Definition is { } program && Guid.TryParseExact(program.MerchantId, "D", out var merchantId)
            ? GrainReadModel.RepairAsync(this, rows, ReadModelRow(merchantId, program, state.State.CreatedAt), cancellationToken)
            : Task.CompletedTask;

    public async Task<CommandResult<ProgramDefinition>> CreateAsync(CreateProgramCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Program);
        if (state.State.Definition is not null)
            return CommandResult.Failure<ProgramDefinition>(CommandError.Conflict($"Program {Id} already exists."));

        // Reward ids are ours to give: cards and terminals refer to rewards by them for the program's whole life.
        var program = command.Program with
        {
            Id = Id.ToString("D"),
            Name = command.Program.Name?.Trim()!,
            Rewards = [.. command.Program.Rewards.Select(reward => reward with { Id = Guid.NewGuid().ToString("D") })],
        };
        var errors = ProgramValidator.Validate(program);
        // Texts as sent: trimming must not hide a control character at either end.
        ProgramTextRules.Validate(command.Program, errors);
        if (!Guid.TryParseExact(program.MerchantId, "D", out var merchantId))
            errors.Add("merchantId", "Must be a merchant id.");
        if (!errors.IsEmpty)
            return CommandResult.Failure<ProgramDefinition>(CommandError.Validation(errors.ToDictionary()));
        if (await GrainFactory.GetGrain<IMerchantGrain>(merchantId).GetAsync() is null)
            return CommandResult.Failure<ProgramDefinition>(new CommandError(CommandErrorCodes.MerchantNotFound, $"Merchant {merchantId} does not exist."));

        var now = timeProvider.GetUtcNow();
        var audit = new AuditEntry(merchantId, command.Actor, AuditActions.ProgramCreated, AuditSubjects.Program, program.Id, now)
        {
            Details = new Dictionary<string, object?> { ["name"] = program.Name, ["kind"] = program.Kind },
        };
        state.State = new ProgramState { Definition = program, CreatedAt = now };
        await state.WriteStateAsync();
        await GrainReadModel.WriteAsync(this, rows, [ReadModelRow(merchantId, program, now), audit.ToStorageRow()]);
        return CommandResult.Success(program);
    }

    public async Task<CommandResult<ProgramDefinition>> UpdateAsync(UpdateProgramCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Program);
        var current = state.State.Definition;
        if (current is null || !string.Equals(current.MerchantId, command.Program.MerchantId, StringComparison.Ordinal))
            return CommandResult.Failure<ProgramDefinition>(new CommandError(CommandErrorCodes.ProgramNotFound, $"Merchant {command.Program.MerchantId} has no program {Id}."));

        var errors = new Rules.FieldErrors();
        if (command.Program.Kind != current.Kind)
            errors.Add("kind", "A program's kind cannot change: its cards hold balances of that kind.");
        var rewards = new List<RewardDefinition>();
        for (var i = 0; i < command.Program.Rewards.Count; i++)
        {
            var reward = command.Program.Rewards[i];
            if (string.IsNullOrEmpty(reward.Id))
                rewards.Add(reward with { Id = Guid.NewGuid().ToString("D") });
            else if (current.FindReward(reward.Id) is null)
                errors.Add($"rewards[{i}].id", "Not a reward of this program; leave the id empty for a new reward.");
            else
                rewards.Add(reward);
        }

        // Rules not chosen by the editor (tiers) stay; the id, merchant and creation time are the grain's.
        var program = command.Program with
        {
            Id = Id.ToString("D"),
            MerchantId = current.MerchantId,
            Name = command.Program.Name?.Trim()!,
            Rewards = rewards,
            TierThresholds = current.TierThresholds,
        };
        var ruleErrors = ProgramValidator.Validate(program);
        ProgramTextRules.Validate(command.Program, ruleErrors);
        foreach (var (field, messages) in ruleErrors.ToDictionary())
        {
            foreach (var message in messages)
                errors.Add(field, message);
        }

        if (!errors.IsEmpty)
            return CommandResult.Failure<ProgramDefinition>(CommandError.Validation(errors.ToDictionary()));
        if (string.Equals(JsonSerializer.Serialize(program, Json), JsonSerializer.Serialize(current, Json), StringComparison.Ordinal))
            return CommandResult.Success(current);

        var merchantId = Guid.ParseExact(current.MerchantId, "D");
        var audit = new AuditEntry(merchantId, command.Actor, AuditActions.ProgramUpdated, AuditSubjects.Program, program.Id, timeProvider.GetUtcNow())
        {
            Details = new Dictionary<string, object?> { ["name"] = program.Name, ["kind"] = program.Kind, ["previousName"] = current.Name },
        };
        state.State = state.State with { Definition = program };
        await state.WriteStateAsync();
        await GrainReadModel.WriteAsync(this, rows, [ReadModelRow(merchantId, program, state.State.CreatedAt), audit.ToStorageRow()]);
        return CommandResult.Success(program);
    }

    public Task<ProgramDefinition?> GetAsync() => Task.FromResult(state.State.Definition);

    private StorageRow ReadModelRow(Guid merchantId, ProgramDefinition program, DateTimeOffset createdAt) => StorageRow.Upsert(
        "programs",
        ["program_id"],
        new("program_id", Id),
        new("merchant_id", merchantId),
        new("name", program.Name),
        new("kind", JsonNamingPolicy.CamelCase.ConvertName(program.Kind.ToString())),
        new("definition", new JsonbValue(JsonSerializer.Serialize(program, Json))),
        new("created_at", createdAt));
}
