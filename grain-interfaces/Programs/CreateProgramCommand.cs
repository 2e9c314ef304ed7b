namespace Loyalty.GrainInterfaces.Programs;

/// <summary>Creates a program.</summary>
/// <param name="Program">
/// The program as the client described it; <see cref="ProgramDefinition.MerchantId"/> names an existing merchant,
/// while <see cref="ProgramDefinition.Id"/> and the reward ids are replaced by the grain.
/// </param>
/// <param name="Actor">Who asks, for the audit log (an admin token id or "system").</param>
[GenerateSerializer]
[Alias("loyalty.programs.CreateProgramCommand")]
public sealed record CreateProgramCommand([Id(0)] ProgramDefinition Program, [Id(1)] string Actor);
