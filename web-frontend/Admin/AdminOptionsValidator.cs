using Loyalty.Web.Accounts;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Admin;

/// <summary>A configured bootstrap token must be as hard to guess as a generated one; the bootstrap account's settings must be usable.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BootstrapToken is { } token && (token.Length < AdminTokens.MinimumLength || token.Any(char.IsWhiteSpace)))
            failures.Add($"Loyalty:Admin:BootstrapToken must be at least {AdminTokens.MinimumLength} characters without spaces (for example 32 random bytes in base64).");
        if (options.BootstrapEmail is { } email && !AdminEmails.IsValid(email))
            failures.Add("Loyalty:Admin:BootstrapEmail must be an e-mail address, such as admin@example.com.");
        if (options.BootstrapPassword is { } password && !AdminPasswords.IsAcceptable(password))
            failures.Add($"Loyalty:Admin:BootstrapPassword must be {AdminPasswords.MinimumLength} to {AdminPasswords.MaximumLength} characters without control characters.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
