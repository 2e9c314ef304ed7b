using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Loyalty.Silo.Storage;

/// <summary>
/// How Orleans' ADO.NET storage writes the simple grains' states: plain System.Text.Json (camelCase, enums as names),
/// with no .NET type names in the payload, so renaming a state class never breaks reading what is stored, and an
/// operator can read a state as JSON (<c>convert_from(payloadbinary, 'UTF8')::jsonb</c>).
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
            ?? throw new JsonException($"A stored {typeof(T).Name} is null.");
    }
}
