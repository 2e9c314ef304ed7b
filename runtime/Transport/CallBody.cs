using System.Buffers;
using System.Text.Json;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.Transport;

/// <summary>
/// The JSON body of a cluster call: <c>{"grain","interface","method","arguments","chain"}</c> (see
/// <see cref="ClusterProtocol"/>). Properties may come in any order; unknown ones are skipped.
/// </summary>
internal sealed record CallBody(GrainId Target, GrainRequest Request, CallChain? Chain)
{
    public byte[] Write()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("grain", Target.ToString());
            writer.WriteString("interface", Request.InterfaceName);
            writer.WriteString("method", Request.MethodId);
            writer.WritePropertyName("arguments");
            Request.WriteArguments(writer, ClusterProtocol.SerializerOptions);
            if (Chain is not null)
            {
                var links = new List<ChainLink>();
                for (var link = Chain; link is not null; link = link.Parent)
                {
                    links.Add(new ChainLink(link.GrainId.ToString(), link.Method, link.Origin, link.MessageId));
                }

                writer.WritePropertyName("chain");
                JsonSerializer.Serialize(writer, links, ClusterProtocol.SerializerOptions);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads a body. Throws <see cref="JsonException"/> when it is malformed, <see cref="KeyNotFoundException"/> when
    /// the interface or method is unknown here, <see cref="ArgumentException"/> when the grain is not of the interface's type.
    /// </summary>
    public static CallBody Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return ReadCore(json);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or NotSupportedException)
        {
            // Utf8JsonReader and GrainId report wrong token kinds and bad values this way: still a malformed body.
            throw new JsonException($"The call body is malformed: {ex.Message}", ex);
        }
    }

    private static CallBody ReadCore(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Expect(reader, JsonTokenType.StartObject, "the body");
        string? grain = null, interfaceName = null, methodId = null;
        CallChain? chain = null;
        var arguments = default(Utf8JsonReader);
        var hasArguments = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "grain":
                    grain = reader.GetString();
                    break;
                case "interface":
                    interfaceName = reader.GetString();
                    break;
                case "method":
                    methodId = reader.GetString();
                    break;
                case "arguments":
                    // Read once the interface and method are known, wherever they come.
                    arguments = reader;
                    hasArguments = true;
                    reader.Skip();
                    break;
                case "chain":
                    chain = ReadChain(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Expect(reader, JsonTokenType.EndObject, "the end of the body");
        if (reader.Read())
        {
            throw new JsonException("The call body has content after its end.");
        }

        if (grain is null || interfaceName is null || methodId is null || !hasArguments)
        {
            throw new JsonException("The call body needs grain, interface, method and arguments.");
        }

        var target = GrainId.Parse(grain);
        if (!GrainInterfaceRegistry.TryGet(interfaceName, out var info))
        {
            throw new KeyNotFoundException($"Grain interface {interfaceName} is not known here.");
        }

        if (!info.Methods.TryGetValue(methodId, out var readRequest))
        {
            throw new KeyNotFoundException($"Grain interface {interfaceName} has no method {methodId} here.");
        }

        if (!info.ForAnyGrainType && !string.Equals(target.Type, info.GrainType, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Grain {target} is not a {info.GrainType} grain, which {interfaceName} is for.");
        }

        return new CallBody(target, readRequest(ref arguments, ClusterProtocol.SerializerOptions), chain);
    }

    private static CallChain? ReadChain(ref Utf8JsonReader reader)
    {
        var links = JsonSerializer.Deserialize<ChainLink[]>(ref reader, ClusterProtocol.SerializerOptions) ?? [];

        // Innermost link first on the wire: build from the outermost.
        CallChain? chain = null;
        for (var i = links.Length - 1; i >= 0; i--)
        {
            var link = links[i];
            if (link?.Grain is null || link.Method is null)
            {
                throw new JsonException("Each chain link needs grain, method, origin and id.");
            }

            chain = new CallChain(GrainId.Parse(link.Grain), link.Id, link.Method, link.Origin, chain);
        }

        return chain;
    }

    private static void Expect(in Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Expected {token} for {what}, found {reader.TokenType}.");
        }
    }
}
