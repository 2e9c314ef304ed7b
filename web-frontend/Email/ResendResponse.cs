namespace Loyalty.Web.Email;

/// <summary>Answer to a resend: the message is due again, with a fresh count of attempts.</summary>
public sealed record ResendResponse(long MessageId, string Status);
