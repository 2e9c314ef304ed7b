using System.Text.Json;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.Placement;

/// <summary>
/// Sent by a silo that is about to activate a grain it has just come to own, to the grain's previous owner: "finish
/// and flush your activation of it, then answer". The new activation then reads what the old one wrote last,
/// instead of racing it (which the conditional writes would turn into a failed call).
/// </summary>
internal sealed class HandOffRequest : GrainRequest<VoidResult>
{
    private const string MethodKey = "HandOffAsync()";

    public static readonly HandOffRequest Instance = new();

    /// <summary>Describes the request to the transport; the runtime answers it itself, never a grain.</summary>
    public static GrainInterfaceInfo InterfaceInfo { get; } = new(
        typeof(ISiloHandOff),
        "(silo)",
        (grainId, _) => throw new NotSupportedException($"Hand-off of {grainId} is a request between silos, not a grain call."),
        new Dictionary<string, GrainRequestReader>(StringComparer.Ordinal) { [MethodKey] = Read })
    {
        ForAnyGrainType = true,
    };

    public override string InterfaceName => typeof(ISiloHandOff).FullName!;

    public override string MethodName => nameof(ISiloHandOff.HandOffAsync);

    public override string MethodId => MethodKey;

    public override InvokeMethodOptions Options => InvokeMethodOptions.AlwaysInterleave;

    public override int ArgumentCount => 0;

    public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    public override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteEndArray();
    }

    public override ValueTask<VoidResult> InvokeAsync(object grain) =>
        throw new InvalidOperationException("A hand-off request is answered by the runtime, never by a grain.");

    private static HandOffRequest Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A hand-off request takes no arguments: an empty JSON array.");
        }

        return Instance;
    }
}

/// <summary>The name under which hand-off requests travel; no grain implements it.</summary>
internal interface ISiloHandOff
{
    Task HandOffAsync();
}
