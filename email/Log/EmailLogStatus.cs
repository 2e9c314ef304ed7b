namespace Loyalty.Email.Log;

/// <summary>The outcome of one attempt, as the e-mail log shows it.</summary>
public static class EmailLogStatus
{
    /// <summary>The SMTP server accepted the message (its reply is the detail).</summary>
    public const string Sent = "sent";

    /// <summary>The attempt failed (the server's reply or the connection error is the detail); it will be retried.</summary>
    public const string Failed = "failed";

    /// <summary>No more attempts: the last failure is the detail. An admin can resend.</summary>
    public const string GaveUp = "gave-up";

    /// <summary>No SMTP server is configured: the message was written as an .eml file instead (the detail says where).</summary>
    public const string NotSent = "not-sent";

    public static IReadOnlyList<string> All { get; } = [Sent, Failed, GaveUp, NotSent];
}
