namespace Loyalty.Database;

/// <summary>
/// Where things live inside the data directory. The cluster sits in a sub-folder so that the log and the password
/// file can exist before initdb (which wants an empty folder) and outside what pg_basebackup would copy.
/// </summary>
internal sealed class ClusterLayout
{
    public ClusterLayout(string root) => Root = root;

    public string Root { get; }

    /// <summary>The PostgreSQL data directory (PGDATA); it exists only once initdb completed.</summary>
    public string Cluster => Path.Combine(Root, "cluster");

    /// <summary>Where initdb writes before the finished cluster is renamed to <see cref="Cluster"/>.</summary>
    public string ClusterUnderConstruction => Path.Combine(Root, "cluster.initdb");

    public string ServerLog => Path.Combine(Root, "server.log");

    public string PasswordFile => Path.Combine(Root, "superuser.password");

    public string PostmasterPidFile => Path.Combine(Cluster, "postmaster.pid");

    public bool IsInitialized => File.Exists(Path.Combine(Cluster, "PG_VERSION"));

    public string ReadMajorVersion() => File.ReadAllText(Path.Combine(Cluster, "PG_VERSION")).Trim();
}
