using System.ComponentModel.DataAnnotations;

namespace Loyalty.Web.Accounts;

/// <summary>Limits on password reset requests (<c>Loyalty:Admin:PasswordReset</c>), validated at start-up.</summary>
public sealed class PasswordResetOptions
{
    public const string SectionName = "Loyalty:Admin:PasswordReset";

    /// <summary>Reset link requests per client IP address per minute.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 10;

    /// <summary>Reset link requests per e-mail address per hour.</summary>
    [Range(1, 100_000)]
    public int RequestsPerEmailPerHour { get; set; } = 5;
}
