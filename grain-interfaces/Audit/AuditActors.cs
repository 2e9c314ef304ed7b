namespace Loyalty.GrainInterfaces.Audit;

/// <summary>Who an audited change is attributed to: an admin token id, a device (<c>device:{id}</c>), or <see cref="System"/>.</summary>
public static class AuditActors
{
    /// <summary>Changes the platform makes by itself (demo seeding, scheduled jobs).</summary>
    public const string System = "system";

    /// <summary>The actor for an admin API token.</summary>
    public static string ForAdminToken(Guid tokenId) => tokenId.ToString("D");

    /// <summary>The actor for a terminal acting for itself (pairing): <c>device:{id}</c>.</summary>
    public static string ForDevice(Guid deviceId) => $"device:{deviceId:D}";

    /// <summary>The actor for a person signed in to the admin site with an account: <c>account:{id}</c>.</summary>
    public static string ForAccount(Guid accountId) => $"account:{accountId:D}";
}
