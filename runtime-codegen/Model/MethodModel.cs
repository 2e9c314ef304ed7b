namespace Loyalty.Runtime.CodeGen.Model;

/// <summary>One grain method, declared on the interface itself or inherited from a base interface.</summary>
/// <param name="Name">The method name, escaped with <c>@</c> when it is a keyword.</param>
/// <param name="DeclaringInterface">Fully qualified interface that declares the method: proxies implement it explicitly.</param>
/// <param name="ResultType">The request's result type: T of Task&lt;T&gt;, or the runtime's VoidResult.</param>
internal sealed record MethodModel(
    string Name,
    string MetadataName,
    string DeclaringInterface,
    string MethodId,
    ReturnKind ReturnKind,
    string ReturnType,
    string ResultType,
    MethodOptions Options,
    EquatableArray<ParameterModel> Parameters);
