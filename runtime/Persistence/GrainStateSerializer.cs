using System.Text.Json;

namespace Loyalty.Runtime.Persistence;

/// <summary>
/// Turns grain states into the UTF-8 JSON stored in <c>grain_state.payload</c> (text; operators query it as <c>payload::jsonb</c>)
/// and back. Property names are camelCase; unknown properties are ignored so a state type can gain fields.
/// </summary>
public sealed class GrainStateSerializer
{
    public GrainStateSerializer()
    {
        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        // Fixed from here on, with the reflection-based contracts: StateChanges reads states through them.
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    public JsonSerializerOptions Options { get; }

    public byte[] Serialize<TState>(TState state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    public TState Deserialize<TState>(byte[] payload)
        where TState : class, new() => JsonSerializer.Deserialize<TState>(payload, Options) ?? new TState();
}
