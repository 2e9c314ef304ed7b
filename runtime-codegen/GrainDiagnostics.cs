using Microsoft.CodeAnalysis;

namespace Loyalty.Runtime.CodeGen;

/// <summary>
/// Errors for grain interfaces the generator cannot turn into proxies. Each message says what to change:
/// the developer sees it at build time, long before a call would fail at run time.
/// </summary>
internal static class GrainDiagnostics
{
    private const string Category = "Loyalty.CodeGen";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "LOYGEN001",
        "Grain method has an unsupported return type",
        "Grain method '{0}.{1}' returns '{2}'; change it to return Task, Task<T>, ValueTask or ValueTask<T>, since every grain call is asynchronous");

    public static readonly DiagnosticDescriptor ByRefParameter = Create(
        "LOYGEN002",
        "Grain method has a by-reference parameter",
        "Parameter '{2}' of grain method '{0}.{1}' is passed by reference ({3}); pass it by value and return results in the method's Task<T> instead, since arguments are copied to the grain");

    public static readonly DiagnosticDescriptor GenericMethod = Create(
        "LOYGEN003",
        "Grain method is generic",
        "Grain method '{0}.{1}' is generic; remove its type parameters and use concrete types, since requests must be typed at build time");

    public static readonly DiagnosticDescriptor CancellationTokenParameter = Create(
        "LOYGEN004",
        "Grain method takes a CancellationToken",
        "Parameter '{2}' of grain method '{0}.{1}' is a CancellationToken, which cannot cross processes; remove it and give the grain a cancel method or a deadline argument instead");

    public static readonly DiagnosticDescriptor PropertyOrEvent = Create(
        "LOYGEN005",
        "Grain interface declares a property or an event",
        "Grain interface '{0}' declares the {1} '{2}'; replace it with a method returning Task<T> (or Task), since grain members are called remotely");

    public static readonly DiagnosticDescriptor GenericInterface = Create(
        "LOYGEN006",
        "Grain interface is generic",
        "Grain interface '{0}' is generic; declare a non-generic interface per concrete type, since the grain type name must identify one interface");

    public static readonly DiagnosticDescriptor DuplicateGrainType = Create(
        "LOYGEN007",
        "Two grain interfaces have the same grain type name",
        "Grain interfaces '{0}' and '{1}' both have the grain type name '{2}'; give one of them [GrainType(\"...\")] with a distinct name, since the grain type identifies stored state");

    public static readonly DiagnosticDescriptor NestedInterface = Create(
        "LOYGEN008",
        "Grain interface is nested in a type",
        "Grain interface '{0}' is declared inside a type; move it to namespace level, since generated code and cross-process lookups name it by namespace and name");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Create(
        "LOYGEN009",
        "Grain method has a parameter that cannot be stored or serialized",
        "Parameter '{2}' of grain method '{0}.{1}' has type '{3}', which cannot be kept in a request or serialized; use an array or a serializable type instead");

    public static readonly DiagnosticDescriptor InvalidGrainType = Create(
        "LOYGEN010",
        "Grain type name is invalid",
        "Grain interface '{0}' has the grain type name '{1}'; use a non-empty name without '/', since grain ids are printed as type/key");

    private static readonly DiagnosticDescriptor[] All =
    [
        UnsupportedReturnType, ByRefParameter, GenericMethod, CancellationTokenParameter, PropertyOrEvent,
        GenericInterface, DuplicateGrainType, NestedInterface, UnsupportedParameterType, InvalidGrainType,
    ];

    public static DiagnosticDescriptor Find(string id) => All.First(descriptor => descriptor.Id == id);

    private static DiagnosticDescriptor Create(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
