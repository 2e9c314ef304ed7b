using System.ComponentModel.DataAnnotations;

namespace Loyalty.Web.Accounts;

/// <summary>What the admin site takes for an e-mail address (as the portal does: one <c>@</c>, not first, no control characters).</summary>
public static class AdminEmails
{
    public static bool IsValid(string? email) =>
        email is { Length: > 0 and <= NewAdminAccount.MaxEmailLength }
        && !email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && email.IndexOf('@', StringComparison.Ordinal) > 0
        && email.IndexOf('@', StringComparison.Ordinal) == email.LastIndexOf('@')
        && new EmailAddressAttribute().IsValid(email);
}
