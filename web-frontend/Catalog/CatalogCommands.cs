using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Pins;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;
using Loyalty.Web.Merchants;
using Loyalty.Web.Problems;
using Loyalty.Web.Programs;
using Loyalty.Web.Stores;

namespace Loyalty.Web.Catalog;

/// <summary>
/// The catalogue's changes (merchants, PIN lockout, stores, programs) as the admin API and the admin pages both make
/// them: a new id where one is needed, the request mapped to the grain command, the grain's answer. Access is the
/// caller's to check; the actor is the caller's audit actor.
/// </summary>
public sealed class CatalogCommands(IGrainFactory grains, TimeProvider timeProvider)
{
    public async Task<CommandResult<MerchantDetails>> CreateMerchantAsync(CreateMerchantRequest request, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new CreateMerchantCommand(request.Name, request.Slug, request.DefaultLocale, actor);
        return await grains.GetGrain<IMerchantGrain>(NewId()).CreateAsync(command);
    }

    public async Task<CommandResult<PinLockoutSettings>> SetPinLockoutAsync(Guid merchantId, PinLockoutRequest request, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new SetPinLockoutCommand(request.MaxConsecutiveFailures, request.LockMinutes, actor);
        return await grains.GetGrain<IMerchantGrain>(merchantId).SetPinLockoutAsync(command);
    }

    public async Task<CommandResult<StoreDetails>> CreateStoreAsync(Guid merchantId, CreateStoreRequest request, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new CreateStoreCommand(merchantId, request.Name, request.Slug, request.TimeZone, request.Descriptions, actor);
        return await grains.GetGrain<IStoreGrain>(NewId()).CreateAsync(command);
    }

    public async Task<CommandResult<StoreDetails>> UpdateStoreAsync(Guid merchantId, Guid storeId, UpdateStoreRequest request, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new UpdateStoreCommand(merchantId, request.Name, request.TimeZone, request.Descriptions, actor);
        return await grains.GetGrain<IStoreGrain>(storeId).UpdateAsync(command);
    }

    public async Task<CommandResult<ProgramDefinition>> CreateProgramAsync(Guid merchantId, CreateProgramRequest request, string actor)
    {
        var id = NewId();
        var problem = new ValidationProblem();
        return ProgramRequestMapper.Map(id, merchantId, request, problem) is { } program
            ? await grains.GetGrain<IProgramGrain>(id).CreateAsync(new CreateProgramCommand(program, actor))
            : CommandResult.Failure<ProgramDefinition>(CommandError.Validation(problem.Errors));
    }

    public async Task<CommandResult<ProgramDefinition>> UpdateProgramAsync(Guid merchantId, Guid programId, UpdateProgramRequest request, string actor)
    {
        var problem = new ValidationProblem();
        return ProgramRequestMapper.Map(programId, merchantId, request, problem) is { } program
            ? await grains.GetGrain<IProgramGrain>(programId).UpdateAsync(new UpdateProgramCommand(program, actor))
            : CommandResult.Failure<ProgramDefinition>(CommandError.Validation(problem.Errors));
    }

    private Guid NewId() => Guid.CreateVersion7(timeProvider.GetUtcNow());
}
