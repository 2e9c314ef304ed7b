using Microsoft.CodeAnalysis;

namespace Loyalty.Runtime.CodeGen;

/// <summary>
/// Recognises the runtime's contracts by name. The generator does not reference the runtime assembly
/// (it must load into the compiler), so it compares namespaces and names instead of symbols.
/// </summary>
internal static class CoreTypes
{
    private const string CoreNamespace = "Loyalty.Runtime.Core";

    /// <summary>A grain interface extends one of these, directly or through other interfaces.</summary>
    public static bool IsKeyInterface(INamedTypeSymbol type) =>
        IsCoreType(type, "IGrainWithStringKey") || IsCoreType(type, "IGrainWithGuidKey") || IsCoreType(type, "IGrainWithIntegerKey");

    /// <summary>The runtime's marker interfaces: they carry no grain methods of their own.</summary>
    public static bool IsMarkerInterface(INamedTypeSymbol type) => IsKeyInterface(type) || IsCoreType(type, "IGrain");

    public static bool IsGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface && !IsMarkerInterface(type) && type.AllInterfaces.Any(IsKeyInterface);

    public static bool IsGrainTypeAttribute(INamedTypeSymbol? type) => IsCoreType(type, "GrainTypeAttribute");

    public static bool IsReadOnlyAttribute(INamedTypeSymbol? type) => IsCoreType(type, "ReadOnlyAttribute");

    public static bool IsAlwaysInterleaveAttribute(INamedTypeSymbol? type) => IsCoreType(type, "AlwaysInterleaveAttribute");

    public static bool IsCancellationToken(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is INamedTypeSymbol { Name: "CancellationToken", ContainingType: null } named
            && named.ContainingNamespace.ToDisplayString() == "System.Threading";
    }

    /// <summary>Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;; null for anything else.</summary>
    public static Model.ReturnKind? GetReturnKind(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { ContainingType: null } named
            || named.ContainingNamespace.ToDisplayString() != "System.Threading.Tasks")
        {
            return null;
        }

        return (named.Name, named.Arity) switch
        {
            ("Task", 0) => Model.ReturnKind.Task,
            ("Task", 1) => Model.ReturnKind.TaskOfT,
            ("ValueTask", 0) => Model.ReturnKind.ValueTask,
            ("ValueTask", 1) => Model.ReturnKind.ValueTaskOfT,
            _ => null,
        };
    }

    private static bool IsCoreType(INamedTypeSymbol? type, string name) =>
        type is { ContainingType: null }
        && type.Name == name
        && type.ContainingNamespace.ToDisplayString() == CoreNamespace;
}
