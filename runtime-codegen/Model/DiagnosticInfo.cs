using Microsoft.CodeAnalysis;

namespace Loyalty.Runtime.CodeGen.Model;

/// <summary>A diagnostic to report, kept as equatable values until the output stage.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArguments) =>
        new(descriptor.Id, location, new EquatableArray<string>(messageArguments));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            GrainDiagnostics.Find(DescriptorId),
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            MessageArguments.Cast<object>().ToArray());
}
