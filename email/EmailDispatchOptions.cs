namespace Loyalty.Email;

/// <summary><c>Loyalty:Email:Dispatch</c>: how the outbox is drained (ADR 0023).</summary>
public sealed class EmailDispatchOptions
{
    /// <summary>Run the dispatcher on this silo. Off only for tools that drive it themselves (the bench).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle dispatcher looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages claimed at once.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>SMTP connections one dispatcher uses at once (each sends its share of a batch over one session).</summary>
    public int Connections { get; set; } = 4;

    /// <summary>How long a claim lasts: a dispatcher that dies mid-send gives its messages back after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one SMTP command may take before the attempt fails.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before the second attempt; doubled for each further attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a message is given up (shown as "gave-up" in the log, resendable by an admin).</summary>
    public int MaxAttempts { get; set; } = 10;
}
