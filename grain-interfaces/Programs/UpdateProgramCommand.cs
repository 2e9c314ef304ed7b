namespace Loyalty.GrainInterfaces.Programs;

/// <summary>Replaces a program's rules.</summary>
/// <param name="Program">
/// The program as the client now describes it: <see cref="ProgramDefinition.Id"/> and
/// <see cref="ProgramDefinition.MerchantId"/> name the program and its merchant, the kind stays what it was, a reward
/// with the id of one of the program's rewards keeps that id (cards and terminals refer to it), and a reward with an
/// empty id is new and gets one.
/// </param>
/// <param name="Actor">Who asks, for the audit log.</param>
[GenerateSerializer]
[Alias("loyalty.programs.UpdateProgramCommand")]
public sealed record UpdateProgramCommand([Id(0)] ProgramDefinition Program, [Id(1)] string Actor);
