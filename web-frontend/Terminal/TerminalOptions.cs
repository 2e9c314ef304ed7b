namespace Loyalty.Web.Terminal;

/// <summary>Configuration section <c>Loyalty:Terminal</c>: the terminal API's rate limits.</summary>
public sealed class TerminalOptions
{
    public const string SectionName = "Loyalty:Terminal";

    /// <summary>
    /// <c>POST /pair</c> requests per client IP address per minute. A store pairs a few tablets a year; 20 lets a
    /// whole chain behind one address pair a shop floor at once, while 40-bit codes stay unguessable.
    /// </summary>
    public int PairRequestsPerMinute { get; set; } = 20;

    /// <summary>
    /// PIN verifications per device per minute. A busy till verifies a PIN every few seconds at most; 60 is never
    /// reached by staff, and caps the bcrypt work one device (or a stolen token) can demand.
    /// </summary>
    public int PinVerificationsPerMinute { get; set; } = 60;
}
