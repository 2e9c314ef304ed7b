using Loyalty.Runtime.CodeGen.Model;

namespace Loyalty.Runtime.CodeGen.Emit;

/// <summary>Writes the proxy of one grain interface: each method packs its arguments into a request.</summary>
internal static class ProxyEmitter
{
    public static void Emit(CodeWriter writer, GrainInterfaceModel grain)
    {
        var name = Names.ProxyName(grain);
        writer.Line(Names.GeneratedCodeAttribute);
        writer.Open($"internal sealed class {name} : {Names.Invocation}.GrainReference, {grain.TypeName}");
        writer.Line($"public {name}(global::Loyalty.Runtime.Core.GrainId grainId, {Names.Invocation}.IGrainCallInvoker invoker)")
            .Line("    : base(grainId, invoker)")
            .Line("{")
            .Line("}");

        for (var i = 0; i < grain.Methods.Count; i++)
        {
            var method = grain.Methods[i];
            var request = $"new {Names.Qualified(Names.RequestName(grain, i))}({Names.ArgumentList(method)})";

            // Explicit implementations: grain methods may share names with GrainReference members
            // (ToString, InvokeAsync) and the same signature may come from two base interfaces.
            var body = method.ReturnKind switch
            {
                ReturnKind.TaskOfT => $"base.InvokeAsync({request})",
                ReturnKind.Task => $"base.InvokeVoidAsync({request})",
                ReturnKind.ValueTaskOfT => $"new {Names.Tasks}.ValueTask<{method.ResultType}>(base.InvokeAsync({request}))",
                _ => $"new {Names.Tasks}.ValueTask(base.InvokeVoidAsync({request}))",
            };
            writer.Line();
            writer.Line($"{method.ReturnType} {method.DeclaringInterface}.{method.Name}({Names.ParameterList(method)})");
            writer.Indent().Line($"=> {body};").Unindent();
        }

        writer.Close();
    }
}
