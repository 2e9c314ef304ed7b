using System.ComponentModel.DataAnnotations;

namespace Loyalty.Web.Accounts;

/// <summary>Admin sign-in lockout (<c>Loyalty:Admin:Lockout</c>), validated at start-up.</summary>
public sealed class AdminLockoutOptions
{
    public const string SectionName = "Loyalty:Admin:Lockout";

    /// <summary>Wrong passwords in a row that lock the account.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account refuses every password, the right one too.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
