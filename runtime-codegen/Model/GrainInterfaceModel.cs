namespace Loyalty.Runtime.CodeGen.Model;

/// <summary>Everything the emitters need about one grain interface, with no symbols so it caches well.</summary>
/// <param name="FullName">As <c>Type.FullName</c> prints it; the runtime looks interfaces up by this name.</param>
/// <param name="TypeName">Fully qualified with <c>global::</c>, for generated code.</param>
/// <param name="GeneratedPrefix">Identifier prefix of the generated types, unique per interface.</param>
/// <param name="IsValid">False when an error was found: no code is generated for the interface.</param>
internal sealed record GrainInterfaceModel(
    string FullName,
    string TypeName,
    string GeneratedPrefix,
    string GrainType,
    LocationInfo? Location,
    bool IsValid,
    EquatableArray<MethodModel> Methods,
    EquatableArray<DiagnosticInfo> Diagnostics);
