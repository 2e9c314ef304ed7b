using Loyalty.Runtime.CodeGen.Emit;
using Loyalty.Runtime.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Loyalty.Runtime.CodeGen;

/// <summary>
/// Emits, for every grain interface of the compilation, a proxy and one request class per method, plus one
/// module initializer that registers them all with the runtime.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainInterfaceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var grains = context.SyntaxProvider
            .CreateSyntaxProvider(GrainInterfaceParser.IsCandidate, GrainInterfaceParser.Parse)
            .Where(static grain => grain is not null)
            .Select(static (grain, _) => grain!)
            .WithTrackingName(TrackingNames.GrainInterfaces);

        context.RegisterSourceOutput(grains, static (output, grain) =>
        {
            foreach (var diagnostic in grain.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (grain.IsValid)
            {
                output.AddSource($"{grain.GeneratedPrefix}.g.cs", InterfaceEmitter.Emit(grain));
            }
        });

        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty)
            .WithTrackingName(TrackingNames.AssemblyName);

        context.RegisterSourceOutput(grains.Collect().Combine(assemblyName), static (output, input) =>
        {
            var ordered = input.Left.OrderBy(grain => grain.FullName, StringComparer.Ordinal).ToList();
            foreach (var diagnostic in DuplicateGrainTypes.Find(ordered))
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            var valid = ordered.Where(grain => grain.IsValid).ToList();
            if (valid.Count > 0)
            {
                output.AddSource("GrainInterfaceRegistration.g.cs", RegistrationEmitter.Emit(input.Right, valid));
            }
        });
    }
}
