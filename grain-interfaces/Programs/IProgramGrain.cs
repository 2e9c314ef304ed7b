using Loyalty.GrainInterfaces.Commands;
using Orleans.Concurrency;

namespace Loyalty.GrainInterfaces.Programs;

/// <summary>
/// A merchant's loyalty program, keyed by its id. Card grains call <see cref="GetAsync"/> for the rules they apply;
/// the grain keeps the <c>programs</c> read model in step.
/// </summary>
[Alias("loyalty.IProgramGrain")]
public interface IProgramGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the program from <see cref="CreateProgramCommand.Program"/>: its id becomes this grain's key and every
    /// reward gets a new id. Writes the <c>programs</c> row and an audit entry with the state. Refuses with
    /// <c>validation</c>, <c>merchant-not-found</c>, or <c>conflict</c> when this program already exists.
    /// </summary>
    [Alias("CreateAsync")]
    Task<CommandResult<ProgramDefinition>> CreateAsync(CreateProgramCommand command);

    /// <summary>
    /// Replaces the program's rules, with a <c>program.updated</c> audit entry (nothing is written when nothing
    /// changes). Cards read the new rules within a minute (they cache a program that long). Refuses with
    /// <c>validation</c> (also for a changed kind or an unknown reward id), or <c>program-not-found</c> when the program
    /// does not exist or belongs to another merchant.
    /// </summary>
    [Alias("UpdateAsync")]
    Task<CommandResult<ProgramDefinition>> UpdateAsync(UpdateProgramCommand command);

    /// <summary>The program, or null when it was never created.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<ProgramDefinition?> GetAsync();
}
