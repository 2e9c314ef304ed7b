using Loyalty.Runtime.Invocation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Loyalty.Runtime.CodeGen.Tests.Generator;

/// <summary>Runs <see cref="GrainInterfaceGenerator"/> in-process on source text.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The framework's own assemblies plus the runtime: what a grain interface project compiles against.
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll"
                || Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal))
            .Append(typeof(GrainReference).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Sample",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new GrainInterfaceGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(CreateCompilation(sources), out var output, out var diagnostics);
        return new GeneratorRun(driver.GetRunResult(), diagnostics, output);
    }

    /// <summary>Wraps members in a string-keyed grain interface <c>Sample.ICardGrain</c>.</summary>
    public static string CardGrain(string members) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using Loyalty.Runtime.Core;

        namespace Sample;

        public interface ICardGrain : IGrainWithStringKey
        {
            {{members}}
        }
        """;
}
