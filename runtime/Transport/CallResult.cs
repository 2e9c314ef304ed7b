using System.Buffers;
using System.Text.Json;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.Transport;

/// <summary>The success answer of a cluster call: <c>{"result":...}</c>, typed by the method's declared result.</summary>
internal static class CallResult
{
    /// <summary>Runs the call through <paramref name="handler"/> and returns its answer; throws what the call threw.</summary>
    public static async Task<byte[]> InvokeAsync(CallBody call, IInboundCallHandler handler, DateTimeOffset deadline, int hops)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("result");
            await call.Request.InvokeInboundAsync(handler, call.Target, call.Chain, deadline, hops, writer, ClusterProtocol.SerializerOptions);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an answer; throws <see cref="JsonException"/> when <paramref name="json"/> is not one.</summary>
    public static TResult Read<TResult>(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
            || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("result"u8)
            || !reader.Read())
        {
            throw new JsonException("A call result must be an object whose first property is result.");
        }

        return JsonSerializer.Deserialize<TResult>(ref reader, ClusterProtocol.SerializerOptions)!;
    }
}
