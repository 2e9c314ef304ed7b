using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Loyalty.Runtime.CodeGen.Tests.Generator;

/// <param name="Diagnostics">What the generator reported.</param>
/// <param name="Output">The compilation with the generated sources added.</param>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> Diagnostics, Compilation Output)
{
    public IEnumerable<string> DiagnosticIds => Diagnostics.Select(d => d.Id);

    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<string> HintNames => Result.Results.Single().GeneratedSources.Select(s => s.HintName);
}
