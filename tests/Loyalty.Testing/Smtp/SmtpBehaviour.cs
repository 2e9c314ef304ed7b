namespace Loyalty.Testing.Smtp;

/// <summary>What <see cref="TestSmtpServer"/> answers to a message's data.</summary>
public enum SmtpBehaviour
{
    /// <summary>250: stored.</summary>
    Accept,

    /// <summary>554 with <see cref="TestSmtpServer.RefusalText"/>: a permanent-looking refusal.</summary>
    Refuse,

    /// <summary>Holds the data without answering until <see cref="TestSmtpServer.ReleaseStalled"/> (or the client goes).</summary>
    Stall,
}
