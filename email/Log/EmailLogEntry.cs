namespace Loyalty.Email.Log;

/// <summary>One attempt (or test e-mail) in <c>email_log</c>.</summary>
public sealed record EmailLogEntry(
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
