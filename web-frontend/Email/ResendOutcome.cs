namespace Loyalty.Web.Email;

/// <summary>What a resend did.</summary>
public enum ResendOutcome
{
    /// <summary>The message is due again at once, with a fresh count of attempts.</summary>
    Queued,

    /// <summary>A dispatcher holds the message right now; nothing changed.</summary>
    Sending,

    /// <summary>No such e-mail message (of that merchant).</summary>
    NotFound,
}
