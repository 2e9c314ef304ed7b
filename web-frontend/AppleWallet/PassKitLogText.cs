using System.Text;

namespace Loyalty.Web.AppleWallet;

/// <summary>A device's log message made safe for our logs: one line, no control characters, at most 1,000 characters.</summary>
public static class PassKitLogText
{
    public const int MaxLoggedLength = 1000;

    public static string Clean(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder(Math.Min(message.Length, MaxLoggedLength + 1));
        foreach (var c in message)
        {
            if (text.Length > MaxLoggedLength)
                break;
            text.Append(char.IsControl(c) ? ' ' : c);
        }

        return text.Length > MaxLoggedLength ? text.ToString(0, MaxLoggedLength) + "…" : text.ToString();
    }
}
