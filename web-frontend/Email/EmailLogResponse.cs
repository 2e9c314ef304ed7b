namespace Loyalty.Web.Email;

/// <summary>One page of the e-mail log, newest first.</summary>
public sealed record EmailLogResponse(IReadOnlyList<EmailLogEntryResponse> Items, int Page, int PageSize, long Total);
