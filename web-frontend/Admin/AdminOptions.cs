namespace Loyalty.Web.Admin;

/// <summary>Configuration section <c>Loyalty:Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Loyalty:Admin";

    /// <summary>A platform-admin token that exists from start-up; unset: one is generated on first start and logged once.</summary>
    public string? BootstrapToken { get; set; }

    /// <summary>The first platform admin's e-mail; unset: <c>admin@localhost</c>.</summary>
    public string? BootstrapEmail { get; set; }

    /// <summary>The first platform admin's password; unset: a one-time password is generated on first start and logged once.</summary>
    public string? BootstrapPassword { get; set; }
}
