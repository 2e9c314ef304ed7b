namespace Loyalty.Database;

/// <summary>
/// Settings for the private PostgreSQL server the host starts when no <c>ConnectionStrings:Loyalty</c> is configured.
/// Validated by <see cref="EmbeddedPostgresOptionsValidator"/>.
/// </summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// Folder that holds the cluster, its server log and its superuser password, typically
    /// <c>&lt;Loyalty:DataDirectory&gt;/postgres</c>. Relative paths are resolved against the current directory.
    /// </summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>
    /// Folder holding <c>pg_ctl</c>, <c>initdb</c> and <c>postgres</c>. Unset: <c>pg_ctl</c> on <c>PATH</c>, else the
    /// newest <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    public string? BinDirectory { get; set; }

    /// <summary>Database that <see cref="EmbeddedPostgresServer.ConnectionString"/> points to; created when missing.</summary>
    public string DatabaseName { get; set; } = "loyalty";

    /// <summary>Loopback port to listen on; <c>0</c> picks a free one at each start.</summary>
    public int Port { get; set; }
}
