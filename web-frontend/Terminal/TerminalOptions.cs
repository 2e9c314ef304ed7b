namespace Loyalty.Web.Terminal;

/// <summary>Configuration section <c>Loyalty:Terminal</c>: the terminal API's rate limits, offline window and offline PIN policy.</summary>
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

    /// <summary>
    /// Enrolments per device per minute, through <c>POST /enrollments</c> and inside <c>POST /sync</c> alike
    /// (<see cref="TerminalEnrollmentLimiter"/>). A till enrols a customer every minute or so at its busiest; 120
    /// leaves room for a queue at an opening, and stops one device (or a stolen token) from flooding a program with cards.
    /// </summary>
    public int EnrollmentsPerMinute { get; set; } = 120;

    /// <summary>
    /// How far back an operation's <c>occurredAt</c> may lie: at most this many days before the server receives it,
    /// and never before the device was paired. A tablet offline for longer loses the older part of its queue
    /// (answered 400), rather than letting any tablet date stamps into days whose caps are long settled. At most 30,
    /// the contract's minimum idempotency-key retention, so a queued operation is always recognised when replayed.
    /// </summary>
    public int OfflineWindowDays { get; set; } = 7;

    public TimeSpan OfflineWindow => TimeSpan.FromDays(OfflineWindowDays);

    /// <summary>
    /// The shortest PIN a device gets an offline verifier (bcrypt hash) for, 4 to 9 digits; 9 turns offline checks
    /// off. A stolen tablet's verifiers fall to an offline search: 10^4 bcrypt checks for a 4-digit PIN take minutes,
    /// 10^6 for 6 digits days of one core (ADR 0017). Shorter PINs are verified online only.
    /// </summary>
    public int OfflinePinMinimumDigits { get; set; } = 6;
}
