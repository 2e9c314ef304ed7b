using System.Security.Cryptography;

namespace Loyalty.Database;

/// <summary>
/// The cluster's superuser password, generated once and kept in an owner-only file next to the cluster.
/// </summary>
/// <remarks>
/// The server listens on 127.0.0.1 only, but trust authentication would still let every local user of a shared
/// machine in as superuser; scram with a random password costs nothing and closes that door.
/// </remarks>
internal static class SuperuserPassword
{
    public static async Task<string> LoadOrCreateAsync(
        ClusterLayout layout, PostgresCommandRunner runner, CancellationToken cancellationToken)
    {
        if (File.Exists(layout.PasswordFile))
        {
            return (await File.ReadAllTextAsync(layout.PasswordFile, cancellationToken)).Trim();
        }

        if (layout.IsInitialized)
        {
            throw new EmbeddedPostgresException(
                $"The cluster in {layout.Cluster} exists but its password file {layout.PasswordFile} is missing. " +
                "Restore the file, or delete the data directory to start over with an empty database.");
        }

        var password = RandomNumberGenerator.GetHexString(48, lowercase: true);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created owner-only rather than restricted afterwards, so it is never readable by others.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(layout.PasswordFile, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync(password.AsMemory(), cancellationToken);
        }

        // initdb reads it as the service user.
        await runner.GiveToServiceUserAsync(layout.PasswordFile, cancellationToken);
        return password;
    }
}
