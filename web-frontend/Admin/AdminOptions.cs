namespace Loyalty.Web.Admin;

/// <summary>Configuration section <c>Loyalty:Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Loyalty:Admin";

    /// <summary>A platform-admin token that exists from start-up; unset: one is generated on first start and logged once.</summary>
    public string? BootstrapToken { get; set; }
}
