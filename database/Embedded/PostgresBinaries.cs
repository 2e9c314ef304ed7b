namespace Loyalty.Database;

/// <summary>The folder holding the server binaries of one PostgreSQL installation.</summary>
internal sealed class PostgresBinaries
{
    internal const string PackageRoot = "/usr/lib/postgresql";

    private static readonly string[] RequiredTools = ["pg_ctl", "initdb", "postgres"];

    private PostgresBinaries(string directory) => Directory = directory;

    public string Directory { get; }

    public string PgCtl => Tool("pg_ctl");

    public string InitDb => Tool("initdb");

    public static PostgresBinaries Locate(string? binDirectory) =>
        Locate(binDirectory, Environment.GetEnvironmentVariable("PATH"), PackageRoot);

    internal static PostgresBinaries Locate(string? binDirectory, string? pathVariable, string packageRoot)
    {
        if (binDirectory is not null)
        {
            var explicitDirectory = Path.GetFullPath(binDirectory);
            return IsComplete(explicitDirectory)
                ? new PostgresBinaries(explicitDirectory)
                : throw NotFound($"the configured BinDirectory '{explicitDirectory}'");
        }

        var fromPath = FindOnPath(pathVariable);
        if (fromPath is not null)
        {
            return new PostgresBinaries(fromPath);
        }

        var packaged = FindNewestPackaged(packageRoot);
        return packaged is not null
            ? new PostgresBinaries(packaged)
            : throw NotFound($"PATH or {packageRoot}/*/bin");
    }

    private static string? FindOnPath(string? pathVariable)
    {
        foreach (var entry in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(entry, ExecutableName("pg_ctl"));
            if (!File.Exists(candidate))
            {
                continue;
            }

            // Distributions often put symlinks on PATH; initdb and postgres sit next to the real pg_ctl.
            var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            var directory = Path.GetDirectoryName(Path.GetFullPath(target));
            if (directory is not null && IsComplete(directory))
            {
                return directory;
            }
        }

        return null;
    }

    private static string? FindNewestPackaged(string packageRoot)
    {
        if (!System.IO.Directory.Exists(packageRoot))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(packageRoot)
            .Select(path => (Path: Path.Combine(path, "bin"), Version: ParseVersion(Path.GetFileName(path))))
            .Where(candidate => candidate.Version is not null && IsComplete(candidate.Path))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Path)
            .FirstOrDefault();
    }

    private static Version? ParseVersion(string name) =>
        int.TryParse(name, out var major) ? new Version(major, 0)
        : Version.TryParse(name, out var version) ? version
        : null;

    private static bool IsComplete(string directory) =>
        RequiredTools.All(tool => File.Exists(Path.Combine(directory, ExecutableName(tool))));

    private static string ExecutableName(string tool) => OperatingSystem.IsWindows() ? tool + ".exe" : tool;

    private static EmbeddedPostgresException NotFound(string where) => new(
        $"No PostgreSQL server binaries (pg_ctl, initdb, postgres) were found in {where}. " +
        "Install PostgreSQL (`apt-get install postgresql`) or set `ConnectionStrings:Loyalty` to use an existing server.");

    private string Tool(string name) => Path.Combine(Directory, ExecutableName(name));
}
