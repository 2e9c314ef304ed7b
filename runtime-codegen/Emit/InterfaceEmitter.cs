using Loyalty.Runtime.CodeGen.Model;

namespace Loyalty.Runtime.CodeGen.Emit;

/// <summary>Writes the file of one grain interface: its proxy and one request class per method.</summary>
internal static class InterfaceEmitter
{
    public static string Emit(GrainInterfaceModel grain)
    {
        var writer = new CodeWriter();
        writer.Line(Names.Header);
        writer.Open($"namespace {Names.GeneratedNamespace}");
        ProxyEmitter.Emit(writer, grain);
        for (var i = 0; i < grain.Methods.Count; i++)
        {
            writer.Line();
            RequestEmitter.Emit(writer, grain, i);
        }

        writer.Close();
        return writer.ToString();
    }
}
