namespace Loyalty.Grains.Programs;

/// <summary>The program grain's persisted state; <see cref="Definition"/> is null until the program is created.</summary>
public sealed record ProgramState
{
    public Loyalty.GrainInterfaces.Programs.ProgramDefinition? Definition { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
