using System.Text.Json;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.Reminders;

/// <summary>The grain call that delivers a reminder tick to an <see cref="IRemindable"/> grain.</summary>
internal sealed class ReminderTickRequest(string reminderName, TickStatus status) : GrainRequest<VoidResult>
{
    private const string MethodKey = "ReceiveReminderAsync(string,Loyalty.Runtime.Reminders.TickStatus)";

    public string ReminderName { get; } = reminderName;

    public TickStatus Status { get; } = status;

    public override string InterfaceName => typeof(IRemindable).FullName!;

    public override string MethodName => nameof(IRemindable.ReceiveReminderAsync);

    public override string MethodId => MethodKey;

    public override int ArgumentCount => 2;

    public override object? GetArgument(int index) => index switch
    {
        0 => ReminderName,
        1 => Status,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        JsonSerializer.Serialize(writer, ReminderName, options);
        JsonSerializer.Serialize(writer, Status, options);
        writer.WriteEndArray();
    }

    /// <summary>
    /// Describes <see cref="IRemindable"/> to the transport, so a tick that reaches a silo which no longer owns the
    /// grain can be passed on like any other call. Its grains are of every type: it makes no proxies.
    /// </summary>
    public static GrainInterfaceInfo InterfaceInfo { get; } = new(
        typeof(IRemindable),
        "(remindable)",
        (grainId, _) => throw new NotSupportedException($"{grainId} gets reminder ticks from the reminder service, not through a reference."),
        new Dictionary<string, GrainRequestReader>(StringComparer.Ordinal) { [MethodKey] = Read })
    {
        ForAnyGrainType = true,
    };

    public static GrainRequest Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read())
        {
            throw new JsonException("The arguments of a reminder tick must be a JSON array of the reminder name and its tick status.");
        }

        var name = JsonSerializer.Deserialize<string>(ref reader, options);
        if (name is null || !reader.Read())
        {
            throw new JsonException("A reminder tick needs the reminder name and its tick status.");
        }

        var status = JsonSerializer.Deserialize<TickStatus>(ref reader, options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A reminder tick takes exactly two arguments: the reminder name and its tick status.");
        }

        return new ReminderTickRequest(name, status);
    }

    public override ValueTask<VoidResult> InvokeAsync(object grain) => grain is IRemindable remindable
        ? AsVoid(remindable.ReceiveReminderAsync(ReminderName, Status))
        : throw new InvalidOperationException($"{grain.GetType().Name} has a reminder '{ReminderName}' but does not implement IRemindable.");
}
