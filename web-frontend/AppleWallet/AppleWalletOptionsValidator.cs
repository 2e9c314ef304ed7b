using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// Refuses to start with a partial or broken Apple Wallet configuration, naming the key: a certificate that does not
/// load, has no private key or is not valid now; a WWDR certificate that does not load. Nothing set means off.
/// </summary>
public sealed class AppleWalletOptionsValidator(TimeProvider clock) : IValidateOptions<AppleWalletOptions>
{
    private const string Prefix = AppleWalletOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, AppleWalletOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var anySet = new[] { options.PassTypeIdentifier, options.TeamIdentifier, options.CertificatePath, options.WwdrCertificatePath, options.OrganizationName }
            .Any(value => !string.IsNullOrWhiteSpace(value));
        if (!anySet)
            return ValidateOptionsResult.Success;

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PassTypeIdentifier) || !options.PassTypeIdentifier.StartsWith("pass.", StringComparison.Ordinal)
            || options.PassTypeIdentifier.Length > 255 || !options.PassTypeIdentifier.All(IsIdentifierCharacter))
            errors.Add($"{Prefix}PassTypeIdentifier must be a Pass Type ID such as pass.com.example.loyalty.");
        if (options.TeamIdentifier is not { Length: 10 } team || !team.All(char.IsAsciiLetterOrDigit))
            errors.Add($"{Prefix}TeamIdentifier must be the 10-character Apple Developer team id.");
        if (string.IsNullOrWhiteSpace(options.OrganizationName) || options.OrganizationName.Length > 100)
            errors.Add($"{Prefix}OrganizationName is required (at most 100 characters).");
        if (options.PushPollInterval < TimeSpan.FromSeconds(1) || options.PushPollInterval > TimeSpan.FromHours(1))
            errors.Add($"{Prefix}PushPollInterval is 1 second to 1 hour.");
        errors.AddRange(CertificateErrors(options));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private IEnumerable<string> CertificateErrors(AppleWalletOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            yield return $"{Prefix}CertificatePath is required: the Pass Type ID certificate and its key as a PKCS#12 file.";
        }
        else
        {
            string? problem;
            try
            {
                using var certificate = PassCertificates.LoadPassCertificate(options);
                var now = clock.GetUtcNow().UtcDateTime;
                problem = !certificate.HasPrivateKey ? "has no private key"
                    : certificate.NotAfter.ToUniversalTime() <= now ? $"expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}"
                    : certificate.NotBefore.ToUniversalTime() > now ? $"is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd}"
                    : null;
            }
            catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
            {
                // The exception's message never holds the password; the path is the operator's own setting.
                problem = $"does not load ({exception.Message.TrimEnd('.')}; check the file and {Prefix}CertificatePassword)";
            }

            if (problem is not null)
                yield return $"{Prefix}CertificatePath: the certificate {problem}.";
        }

        if (string.IsNullOrWhiteSpace(options.WwdrCertificatePath))
        {
            yield return $"{Prefix}WwdrCertificatePath is required: Apple's WWDR intermediate certificate.";
        }
        else
        {
            string? problem = null;
            try
            {
                using var wwdr = PassCertificates.LoadWwdrCertificate(options);
            }
            catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
            {
                problem = exception.Message.TrimEnd('.');
            }

            if (problem is not null)
                yield return $"{Prefix}WwdrCertificatePath: the certificate does not load ({problem}).";
        }
    }

    private static bool IsIdentifierCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
}
