using Microsoft.CodeAnalysis;

namespace Loyalty.Runtime.CodeGen;

/// <summary>How the generator prints types: for generated code, and for stable method ids.</summary>
internal static class SymbolFormats
{
    /// <summary><c>global::</c>-qualified, keeping nullable annotations so generated signatures match exactly.</summary>
    public static readonly SymbolDisplayFormat Code = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// Namespace-qualified without <c>global::</c> and without nullable reference annotations: a method id is
    /// on the wire, so it must not change when someone only adds a <c>?</c>.
    /// </summary>
    public static readonly SymbolDisplayFormat MethodId = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);
}
