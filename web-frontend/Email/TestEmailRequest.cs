namespace Loyalty.Web.Email;

/// <summary>Body of <c>POST /email/settings/test</c>: where to send the test e-mail.</summary>
public sealed record TestEmailRequest(string? To);
