using Loyalty.Runtime.CodeGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Loyalty.Runtime.CodeGen;

/// <summary>Turns one interface method into a <see cref="MethodModel"/>, or into diagnostics when it cannot be proxied.</summary>
internal static class GrainMethodParser
{
    /// <param name="fallbackLocation">Where to report when the method itself is not in source (inherited from metadata).</param>
    /// <param name="diagnostics">Receives the problems; null when another interface already reports them.</param>
    /// <returns>The model, or null when the method has an error.</returns>
    public static MethodModel? Parse(IMethodSymbol method, LocationInfo? fallbackLocation, List<DiagnosticInfo>? diagnostics)
    {
        var location = LocationInfo.From(method.Locations.FirstOrDefault()) ?? fallbackLocation;
        var interfaceName = method.ContainingType.ToDisplayString(SymbolFormats.MethodId);
        var valid = true;

        void Report(DiagnosticDescriptor descriptor, params string[] arguments)
        {
            valid = false;
            diagnostics?.Add(DiagnosticInfo.Create(descriptor, location, [interfaceName, method.Name, .. arguments]));
        }

        if (method.IsGenericMethod)
        {
            Report(GrainDiagnostics.GenericMethod);
        }

        var returnKind = CoreTypes.GetReturnKind(method.ReturnType);
        if (returnKind is null)
        {
            Report(GrainDiagnostics.UnsupportedReturnType, method.ReturnType.ToDisplayString());
        }

        var parameters = new List<ParameterModel>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                Report(GrainDiagnostics.ByRefParameter, parameter.Name, DescribeRefKind(parameter.RefKind));
            }
            else if (CoreTypes.IsCancellationToken(parameter.Type))
            {
                Report(GrainDiagnostics.CancellationTokenParameter, parameter.Name);
            }
            else if (parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                Report(GrainDiagnostics.UnsupportedParameterType, parameter.Name, parameter.Type.ToDisplayString());
            }

            parameters.Add(new ParameterModel(EscapeIdentifier(parameter.Name), parameter.Type.ToDisplayString(SymbolFormats.Code)));
        }

        if (!valid || returnKind is not { } kind)
        {
            return null;
        }

        return new MethodModel(
            Name: EscapeIdentifier(method.Name),
            MetadataName: method.Name,
            DeclaringInterface: method.ContainingType.ToDisplayString(SymbolFormats.Code),
            MethodId: $"{method.Name}({string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolFormats.MethodId)))})",
            ReturnKind: kind,
            ReturnType: method.ReturnType.ToDisplayString(SymbolFormats.Code),
            ResultType: kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT
                ? ((INamedTypeSymbol)method.ReturnType).TypeArguments[0].ToDisplayString(SymbolFormats.Code)
                : "global::Loyalty.Runtime.Invocation.VoidResult",
            Options: GetOptions(method),
            Parameters: new EquatableArray<ParameterModel>(parameters));
    }

    private static MethodOptions GetOptions(IMethodSymbol method)
    {
        var options = MethodOptions.None;
        foreach (var attribute in method.GetAttributes())
        {
            if (CoreTypes.IsReadOnlyAttribute(attribute.AttributeClass))
            {
                options |= MethodOptions.ReadOnly;
            }
            else if (CoreTypes.IsAlwaysInterleaveAttribute(attribute.AttributeClass))
            {
                options |= MethodOptions.AlwaysInterleave;
            }
        }

        return options;
    }

    private static string DescribeRefKind(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        _ => "ref readonly",
    };

    private static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
