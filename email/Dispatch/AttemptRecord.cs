namespace Loyalty.Email.Dispatch;

/// <summary>What the e-mail log records of one attempt (recipient, language and subject are known once it is composed).</summary>
public sealed record AttemptRecord(string Recipient, string? Locale, string? Subject, string Status, string Detail, DateTimeOffset At);
