namespace Loyalty.Runtime.CodeGen.Model;

/// <param name="Name">The parameter name, escaped with <c>@</c> when it is a keyword.</param>
/// <param name="Type">Fully qualified type with nullable annotations, for declarations.</param>
internal sealed record ParameterModel(string Name, string Type);
