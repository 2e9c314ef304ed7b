using Microsoft.Extensions.Options;

namespace Loyalty.Web.Admin;

/// <summary>A configured bootstrap token must be as hard to guess as a generated one.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.BootstrapToken is { } token && (token.Length < AdminTokens.MinimumLength || token.Any(char.IsWhiteSpace))
            ? ValidateOptionsResult.Fail($"Loyalty:Admin:BootstrapToken must be at least {AdminTokens.MinimumLength} characters without spaces (for example 32 random bytes in base64).")
            : ValidateOptionsResult.Success;
    }
}
