using Loyalty.Runtime.CodeGen.Model;

namespace Loyalty.Runtime.CodeGen.Emit;

/// <summary>Writes the request class of one grain method: arguments, dispatch and JSON form.</summary>
internal static class RequestEmitter
{
    public static void Emit(CodeWriter writer, GrainInterfaceModel grain, int methodIndex)
    {
        var method = grain.Methods[methodIndex];
        var name = Names.RequestName(grain, methodIndex);
        var parameters = method.Parameters;

        writer.Line(Names.GeneratedCodeAttribute);
        writer.Open($"internal sealed class {name} : {Names.Invocation}.GrainRequest<{method.ResultType}>");

        writer.Open($"public {name}({string.Join(", ", parameters.Select((p, i) => $"{p.Type} arg{i}"))})");
        for (var i = 0; i < parameters.Count; i++)
        {
            writer.Line($"Arg{i} = arg{i};");
        }

        writer.Close();
        for (var i = 0; i < parameters.Count; i++)
        {
            writer.Line().Line($"public {parameters[i].Type} Arg{i} {{ get; }}");
        }

        writer.Line()
            .Line($"public override string InterfaceName => {Names.Literal(grain.FullName)};")
            .Line()
            .Line($"public override string MethodName => {Names.Literal(method.MetadataName)};")
            .Line()
            .Line($"public override string MethodId => {Names.Literal(method.MethodId)};")
            .Line();
        if (method.Options != MethodOptions.None)
        {
            writer.Line($"public override {Names.Invocation}.InvokeMethodOptions Options => {FormatOptions(method.Options)};").Line();
        }

        writer.Line($"public override int ArgumentCount => {parameters.Count};").Line();
        EmitGetArgument(writer, method);
        writer.Line();
        EmitWriteArguments(writer, method);
        writer.Line();
        EmitInvoke(writer, method);
        writer.Line();
        EmitRead(writer, grain, method, name);
        writer.Close();
    }

    private static void EmitGetArgument(CodeWriter writer, MethodModel method)
    {
        var outOfRange = $"throw new global::System.ArgumentOutOfRangeException(nameof(index), index, {Names.Literal($"{method.MethodId} takes {method.Parameters.Count} argument(s).")})";
        if (method.Parameters.Count == 0)
        {
            writer.Line($"public override object? GetArgument(int index) => {outOfRange};");
            return;
        }

        writer.Line("public override object? GetArgument(int index) => index switch").Line("{").Indent();
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            writer.Line($"{i} => Arg{i},");
        }

        writer.Line($"_ => {outOfRange},").Unindent().Line("};");
    }

    private static void EmitWriteArguments(CodeWriter writer, MethodModel method)
    {
        writer.Open($"public override void WriteArguments({Names.Json}.Utf8JsonWriter writer, {Names.Json}.JsonSerializerOptions options)");
        writer.Line("writer.WriteStartArray();");
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            // Typed by the declared parameter type, so the reader on the other side sees the same contract.
            writer.Line($"{Names.Json}.JsonSerializer.Serialize<{method.Parameters[i].Type}>(writer, Arg{i}, options);");
        }

        writer.Line("writer.WriteEndArray();");
        writer.Close();
    }

    private static void EmitInvoke(CodeWriter writer, MethodModel method)
    {
        var call = $"(({method.DeclaringInterface})grain).{method.Name}({string.Join(", ", method.Parameters.Select((_, i) => $"Arg{i}"))})";
        var body = method.ReturnKind switch
        {
            ReturnKind.TaskOfT => $"new {Names.Tasks}.ValueTask<{method.ResultType}>({call})",
            ReturnKind.ValueTaskOfT => call,
            _ => $"AsVoid({call})",
        };
        writer.Line($"public override {Names.Tasks}.ValueTask<{method.ResultType}> InvokeAsync(object grain) => {body};");
    }

    private static void EmitRead(CodeWriter writer, GrainInterfaceModel grain, MethodModel method, string name)
    {
        var count = method.Parameters.Count;
        var qualifiedMethod = $"{grain.FullName}.{method.MethodId}";
        var tooFew = $"throw new {Names.Json}.JsonException({Names.Literal($"{qualifiedMethod} takes {count} argument(s) but the JSON array has fewer.")});";
        var tooMany = $"throw new {Names.Json}.JsonException({Names.Literal($"{qualifiedMethod} takes {count} argument(s) but the JSON array has more.")});";

        writer.Open($"public static {Names.Invocation}.GrainRequest Read(ref {Names.Json}.Utf8JsonReader reader, {Names.Json}.JsonSerializerOptions options)");
        writer.Open($"if (reader.TokenType != {Names.Json}.JsonTokenType.StartArray)")
            .Line($"throw new {Names.Json}.JsonException({Names.Literal($"The arguments of {qualifiedMethod} must be a JSON array.")});")
            .Close();
        for (var i = 0; i < count; i++)
        {
            writer.Line();
            writer.Open($"if (!reader.Read() || reader.TokenType == {Names.Json}.JsonTokenType.EndArray)").Line(tooFew).Close();
            writer.Line();

            // Deserialize yields T? whatever T is; a null for a non-nullable parameter is the caller's contract breach.
            writer.Line($"var arg{i} = {Names.Json}.JsonSerializer.Deserialize<{method.Parameters[i].Type}>(ref reader, options)!;");
        }

        writer.Line();
        writer.Open($"if (!reader.Read() || reader.TokenType != {Names.Json}.JsonTokenType.EndArray)").Line(tooMany).Close();
        writer.Line();
        writer.Line($"return new {name}({string.Join(", ", method.Parameters.Select((_, i) => $"arg{i}"))});");
        writer.Close();
    }

    private static string FormatOptions(MethodOptions options)
    {
        var flags = new List<string>();
        if ((options & MethodOptions.ReadOnly) != 0)
        {
            flags.Add($"{Names.Invocation}.InvokeMethodOptions.ReadOnly");
        }

        if ((options & MethodOptions.AlwaysInterleave) != 0)
        {
            flags.Add($"{Names.Invocation}.InvokeMethodOptions.AlwaysInterleave");
        }

        return string.Join(" | ", flags);
    }
}
