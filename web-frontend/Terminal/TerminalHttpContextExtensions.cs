namespace Loyalty.Web.Terminal;

public static class TerminalHttpContextExtensions
{
    internal const string ItemKey = "Loyalty.TerminalDevice";

    /// <summary>The device of a terminal request that passed device authentication.</summary>
    public static TerminalDevice GetDevice(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as TerminalDevice
            ?? throw new InvalidOperationException("The terminal endpoint is not behind device authentication.");
    }
}
