namespace Loyalty.Web.Email;

/// <summary>
/// One attempt in the e-mail log. <c>messageId</c> is the outbox message (null for a test e-mail), what
/// <c>resend</c> takes; <c>detail</c> is the server's reply or the reason of a failure.
/// </summary>
public sealed record EmailLogEntryResponse(
    long Id,
    long? MessageId,
    Guid? MerchantId,
    string Template,
    string? Locale,
    string Recipient,
    string? Subject,
    int Attempt,
    string Status,
    string? Detail,
    DateTimeOffset OccurredAt);
