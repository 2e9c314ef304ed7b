using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Loyalty.Database;

/// <summary>
/// Creates the data directory and, when the server runs as the postgres user, makes sure that user can reach it.
/// </summary>
internal static class DataDirectoryPreparer
{
    // Persistent across reboots (unlike /tmp), creatable by root, and its parents are open to every user.
    internal const string RelocationRoot = "/var/lib/loyalty";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static async Task<ClusterLayout> PrepareAsync(
        string requested, PostgresCommandRunner runner, ILogger logger, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(requested);
        await CreateAsync(root, runner, cancellationToken);
        if (await runner.CanWriteAsync(root, cancellationToken))
        {
            return new ClusterLayout(root);
        }

        // Running as root from a clone under a private folder such as /root (0700): the postgres user cannot
        // traverse it. Failing would make `dotnet run` depend on where the repository was cloned, so the data
        // moves to a fixed, reachable place derived from the requested path: the same clone finds it again.
        var relocated = Path.Combine(RelocationRoot, $"{Path.GetFileName(root)}-{ShortHash(root)}");
        var firstTime = await WritePointerAsync(root, relocated, cancellationToken);
        logger.Log(
            firstTime ? LogLevel.Warning : LogLevel.Information,
            "The {ServiceUser} user cannot reach {RequestedDirectory} (a parent folder is closed to other users), so the embedded PostgreSQL data lives in {DataDirectory}",
            PostgresCommandRunner.ServiceUser,
            root,
            relocated);
        await CreateAsync(relocated, runner, cancellationToken);
        if (!await runner.CanWriteAsync(relocated, cancellationToken))
        {
            throw new EmbeddedPostgresException(
                $"The '{PostgresCommandRunner.ServiceUser}' user can reach neither {root} nor {relocated}. Set Loyalty:DataDirectory " +
                "to a folder that user can write, or set `ConnectionStrings:Loyalty`.");
        }

        return new ClusterLayout(relocated);
    }

    private static async Task CreateAsync(string directory, PostgresCommandRunner runner, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        // Owner-only: the folder holds the superuser password file and the cluster.
        Directory.CreateDirectory(directory, OwnerOnly);
        await runner.GiveToServiceUserAsync(directory, cancellationToken);
    }

    /// <returns>True when the pointer was written now, that is, on the first relocation.</returns>
    private static async Task<bool> WritePointerAsync(string root, string relocated, CancellationToken cancellationToken)
    {
        var pointer = Path.Combine(root, "RELOCATED.txt");
        if (File.Exists(pointer))
        {
            return false;
        }

        await File.WriteAllTextAsync(
            pointer,
            $"The embedded PostgreSQL data for this folder lives in {relocated}: the postgres user cannot reach this folder.{Environment.NewLine}",
            cancellationToken);
        return true;
    }

    private static string ShortHash(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];
}
