using System.Text.Json;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.Reminders;

/// <summary>The grain call that delivers a reminder tick to an <see cref="IRemindable"/> grain.</summary>
internal sealed class ReminderTickRequest(string reminderName, TickStatus status) : GrainRequest<VoidResult>
{
    public string ReminderName { get; } = reminderName;

    public TickStatus Status { get; } = status;

    public override string InterfaceName => typeof(IRemindable).FullName!;

    public override string MethodName => nameof(IRemindable.ReceiveReminderAsync);

    public override string MethodId => "ReceiveReminderAsync(string,Loyalty.Runtime.Reminders.TickStatus)";

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

    public override ValueTask<VoidResult> InvokeAsync(object grain) => grain is IRemindable remindable
        ? AsVoid(remindable.ReceiveReminderAsync(ReminderName, Status))
        : throw new InvalidOperationException($"{grain.GetType().Name} has a reminder '{ReminderName}' but does not implement IRemindable.");
}
