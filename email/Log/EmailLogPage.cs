namespace Loyalty.Email.Log;

/// <summary>One page of the e-mail log, newest first.</summary>
public sealed record EmailLogPage(IReadOnlyList<EmailLogEntry> Items, int Page, int PageSize, long Total);
