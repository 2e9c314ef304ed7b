using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Persistence;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Runtime.Transport;

/// <summary>
/// The error answer of a cluster call, <c>{"error":{"type":"Full.Exception.Name","message":"..."}}</c>. Its status
/// says who failed. The call ran or was refused by the runtime: <c>422</c>, or <c>503</c> for
/// <see cref="SiloUnavailableException"/> and <c>504</c> for <see cref="GrainCallTimeoutException"/>; the caller
/// re-creates the runtime's exceptions and <see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>
/// and <see cref="KeyNotFoundException"/> by type, anything else as <see cref="RemoteGrainException"/>. The silo
/// refused the request itself: <c>400</c> malformed, <c>401</c> no or wrong secret, <c>404</c> unknown route,
/// interface or method, <c>413</c> too large; the caller gets a <see cref="RemoteGrainException"/>.
/// </summary>
internal static class ErrorEnvelope
{
    public const int CallFailed = StatusCodes.Status422UnprocessableEntity;

    // Messages stay readable in logs and captures ('+' and quotes unescaped); the envelope is never embedded in HTML.
    private static readonly JsonWriterOptions ReadableText = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, Func<string, Exception>> Recreated = new(StringComparer.Ordinal)
    {
        [typeof(SiloUnavailableException).FullName!] = message => new SiloUnavailableException(message),
        [typeof(GrainCallTimeoutException).FullName!] = message => new GrainCallTimeoutException(message),
        [typeof(GrainActivationException).FullName!] = message => new GrainActivationException(message),
        [typeof(CallCycleException).FullName!] = message => new CallCycleException(message),
        [typeof(InconsistentStateException).FullName!] = message => new InconsistentStateException(message),
        [typeof(GrainStateWriteException).FullName!] = message => new GrainStateWriteException(message),
        [typeof(ArgumentException).FullName!] = message => new ArgumentException(message),
        [typeof(ArgumentNullException).FullName!] = message => new ArgumentNullException(null, message),
        [typeof(ArgumentOutOfRangeException).FullName!] = message => new ArgumentOutOfRangeException(null, message),
        [typeof(InvalidOperationException).FullName!] = message => new InvalidOperationException(message),
        [typeof(KeyNotFoundException).FullName!] = message => new KeyNotFoundException(message),
    };

    /// <summary>The status of a call that failed with <paramref name="exception"/>.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        SiloUnavailableException => StatusCodes.Status503ServiceUnavailable,
        GrainCallTimeoutException => StatusCodes.Status504GatewayTimeout,
        _ => CallFailed,
    };

    public static byte[] Write(string type, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, ReadableText))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("type", type);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an error envelope; false when <paramref name="json"/> is not one.</summary>
    public static bool TryRead(byte[] json, out string type, out string message)
    {
        (type, message) = (string.Empty, string.Empty);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("type", out var errorType) && errorType.ValueKind == JsonValueKind.String
                && error.TryGetProperty("message", out var errorMessage) && errorMessage.ValueKind == JsonValueKind.String)
            {
                (type, message) = (errorType.GetString()!, errorMessage.GetString()!);
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>The exception a caller sees for an error answer with <paramref name="status"/>.</summary>
    public static Exception Recreate(int status, string type, string message, string call, string silo)
    {
        var callOutcome = status is CallFailed or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout;
        return callOutcome && Recreated.TryGetValue(type, out var create)
            ? create(message)
            : new RemoteGrainException(type, message, call, silo);
    }
}
