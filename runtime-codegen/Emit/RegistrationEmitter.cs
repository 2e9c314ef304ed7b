using Loyalty.Runtime.CodeGen.Model;

namespace Loyalty.Runtime.CodeGen.Emit;

/// <summary>
/// Writes the module initializer that registers every grain interface of the compilation, so the runtime
/// finds proxies and request readers without scanning assemblies by reflection.
/// </summary>
internal static class RegistrationEmitter
{
    public static string ClassName(string assemblyName) =>
        "GrainInterfaceRegistration_" + new string(assemblyName.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    public static string Emit(string assemblyName, IReadOnlyList<GrainInterfaceModel> grains)
    {
        var writer = new CodeWriter();
        writer.Line(Names.Header);
        writer.Open($"namespace {Names.GeneratedNamespace}");

        // Named after the assembly: with InternalsVisibleTo between two grain assemblies, one shared name would clash.
        writer.Line(Names.GeneratedCodeAttribute);
        writer.Open($"internal static class {ClassName(assemblyName)}");

        // The runtime runs this module's initializer when it first looks an interface of this assembly up.
        writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.Open("internal static void Register()");
        foreach (var grain in grains)
        {
            EmitRegistration(writer, grain);
        }

        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void EmitRegistration(CodeWriter writer, GrainInterfaceModel grain)
    {
        writer.Line($"{Names.Invocation}.GrainInterfaceRegistry.Register(new {Names.Invocation}.GrainInterfaceInfo(").Indent()
            .Line($"typeof({grain.TypeName}),")
            .Line($"{Names.Literal(grain.GrainType)},")
            .Line($"static (grainId, invoker) => new {Names.Qualified(Names.ProxyName(grain))}(grainId, invoker),")
            .Line($"new global::System.Collections.Generic.Dictionary<string, {Names.Invocation}.GrainRequestReader>(global::System.StringComparer.Ordinal)")
            .Line("{").Indent();
        for (var i = 0; i < grain.Methods.Count; i++)
        {
            writer.Line($"[{Names.Literal(grain.Methods[i].MethodId)}] = {Names.Qualified(Names.RequestName(grain, i))}.Read,");
        }

        writer.Unindent().Line("}));").Unindent();
    }
}
