using Loyalty.Runtime.CodeGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Loyalty.Runtime.CodeGen;

/// <summary>The pipeline's two stages: a cheap syntax filter, then the semantic model of one grain interface.</summary>
internal static class GrainInterfaceParser
{
    /// <summary>A grain interface always has a base list, since it must extend a key interface.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is InterfaceDeclarationSyntax { BaseList: not null };

    public static GrainInterfaceModel? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol
            || !CoreTypes.IsGrainInterface(symbol)
            || !IsPrimaryDeclaration(symbol, declaration, cancellationToken))
        {
            return null;
        }

        return Build(symbol, cancellationToken);
    }

    private static GrainInterfaceModel Build(INamedTypeSymbol symbol, CancellationToken cancellationToken)
    {
        var location = LocationInfo.From(symbol.Locations.FirstOrDefault());
        var fullName = symbol.ContainingNamespace.IsGlobalNamespace
            ? symbol.MetadataName
            : $"{symbol.ContainingNamespace.ToDisplayString()}.{symbol.MetadataName}";
        var displayName = symbol.ToDisplayString(SymbolFormats.MethodId);
        var diagnostics = new List<DiagnosticInfo>();
        var valid = true;

        if (symbol.ContainingType is not null)
        {
            valid = false;
            diagnostics.Add(DiagnosticInfo.Create(GrainDiagnostics.NestedInterface, location, displayName));
        }

        if (symbol.IsGenericType)
        {
            valid = false;
            diagnostics.Add(DiagnosticInfo.Create(GrainDiagnostics.GenericInterface, location, displayName));
        }

        var grainType = GetGrainType(symbol);
        if (!GrainTypeNames.IsValidGrainType(grainType))
        {
            valid = false;
            diagnostics.Add(DiagnosticInfo.Create(GrainDiagnostics.InvalidGrainType, location, displayName, grainType ?? "null"));
        }

        var methods = new List<(MethodModel Model, IMethodSymbol Symbol)>();
        foreach (var type in new[] { symbol }.Concat(symbol.AllInterfaces).Where(type => !CoreTypes.IsMarkerInterface(type)))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A base grain interface of this compilation reports its own problems; repeating them here would
            // double every error. Bases from elsewhere (or plain interfaces) are only checked through us.
            var sink = ReportsItsOwnProblems(type, symbol) ? null : diagnostics;
            foreach (var member in type.GetMembers())
            {
                valid &= AddMember(member, type, location, sink, methods);
            }
        }

        return new GrainInterfaceModel(
            FullName: fullName,
            TypeName: symbol.ToDisplayString(SymbolFormats.Code),
            GeneratedPrefix: GrainTypeNames.GeneratedPrefix(fullName),
            GrainType: grainType ?? string.Empty,
            Location: location,
            IsValid: valid,
            Methods: new EquatableArray<MethodModel>(WithUniqueIds(methods)),
            Diagnostics: new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    /// <returns>False when the member makes the interface impossible to proxy.</returns>
    private static bool AddMember(
        ISymbol member,
        INamedTypeSymbol declaringType,
        LocationInfo? interfaceLocation,
        List<DiagnosticInfo>? diagnostics,
        List<(MethodModel Model, IMethodSymbol Symbol)> methods)
    {
        // Static members and default-implemented methods are not called through the proxy.
        if (member.IsStatic)
        {
            return true;
        }

        switch (member)
        {
            case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true } method:
                var model = GrainMethodParser.Parse(method, interfaceLocation, diagnostics);
                if (model is null)
                {
                    return false;
                }

                methods.Add((model, method));
                return true;
            case IPropertySymbol or IEventSymbol:
                diagnostics?.Add(DiagnosticInfo.Create(
                    GrainDiagnostics.PropertyOrEvent,
                    LocationInfo.From(member.Locations.FirstOrDefault()) ?? interfaceLocation,
                    declaringType.ToDisplayString(SymbolFormats.MethodId),
                    member is IPropertySymbol ? "property" : "event",
                    member.Name));
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// Method ids must be unique per interface. Overloads differ by parameter types already; the same signature
    /// inherited from two base interfaces does not, so such ids are qualified with the declaring interface.
    /// </summary>
    private static IEnumerable<MethodModel> WithUniqueIds(List<(MethodModel Model, IMethodSymbol Symbol)> methods)
    {
        var counts = methods.GroupBy(m => m.Model.MethodId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return methods.Select(m => counts[m.Model.MethodId] == 1
            ? m.Model
            : m.Model with { MethodId = $"{m.Symbol.ContainingType.ToDisplayString(SymbolFormats.MethodId)}.{m.Model.MethodId}" });
    }

    private static string? GetGrainType(INamedTypeSymbol symbol)
    {
        var attribute = symbol.GetAttributes().FirstOrDefault(a => CoreTypes.IsGrainTypeAttribute(a.AttributeClass));
        return attribute is null
            ? GrainTypeNames.DefaultGrainType(symbol.Name)
            : attribute.ConstructorArguments.FirstOrDefault().Value as string;
    }

    private static bool ReportsItsOwnProblems(INamedTypeSymbol type, INamedTypeSymbol current) =>
        !SymbolEqualityComparer.Default.Equals(type, current)
        && CoreTypes.IsGrainInterface(type)
        && type.Locations.Any(l => l.IsInSource);

    /// <summary>
    /// A partial interface has several declarations but must produce one model: only the first declaration
    /// that carries a base list is taken.
    /// </summary>
    private static bool IsPrimaryDeclaration(INamedTypeSymbol symbol, InterfaceDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is InterfaceDeclarationSyntax { BaseList: not null })
            {
                return reference.SyntaxTree == declaration.SyntaxTree && reference.Span == declaration.Span;
            }
        }

        return false;
    }
}
