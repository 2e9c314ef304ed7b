namespace Loyalty.Runtime.Invocation;

/// <summary>The message whose code is running on this logical call context, if any: the caller of outgoing calls.</summary>
internal static class RuntimeContext
{
    private static readonly AsyncLocal<Message?> CurrentMessage = new();

    public static Message? Current
    {
        get => CurrentMessage.Value;
        set => CurrentMessage.Value = value;
    }
}
