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
        ProgramTextRules.Validate(program, errors);
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
