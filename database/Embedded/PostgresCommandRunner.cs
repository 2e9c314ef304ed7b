using System.Diagnostics;

namespace Loyalty.Database;

/// <summary>
/// Runs PostgreSQL tools. PostgreSQL refuses to run as root, so when this process is root every tool runs as the
/// <c>postgres</c> system user instead, and the files the server must own are handed over to that user.
/// </summary>
internal sealed class PostgresCommandRunner
{
    internal const string ServiceUser = "postgres";

    // setpriv changes identity and execs in place (no PAM session, no extra parent process), so the process we
    // start is the tool itself; runuser is the fallback on systems without it.
    private static readonly string[] SetprivPrefix = ["--reuid=" + ServiceUser, "--regid=" + ServiceUser, "--init-groups", "--"];
    private static readonly string[] RunuserPrefix = ["-u", ServiceUser, "--"];
    private static readonly string[] SystemFolders = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"];

    private readonly string? _switchUserTool;
    private readonly string[] _switchUserPrefix;

    private PostgresCommandRunner(string? switchUserTool, string[] switchUserPrefix)
    {
        _switchUserTool = switchUserTool;
        _switchUserPrefix = switchUserPrefix;
    }

    /// <summary>True when tools run as <see cref="ServiceUser"/> because this process is root.</summary>
    public bool RunsAsServiceUser => _switchUserTool is not null;

    public static async Task<PostgresCommandRunner> CreateAsync(CancellationToken cancellationToken)
    {
        // Environment.UserName resolves the effective uid on Unix, which is what PostgreSQL checks.
        if (OperatingSystem.IsWindows() || Environment.UserName != "root")
        {
            return new PostgresCommandRunner(null, []);
        }

        var setpriv = FindExecutable("setpriv");
        var runuser = setpriv is null ? FindExecutable("runuser") : null;
        if (setpriv is null && runuser is null)
        {
            throw new EmbeddedPostgresException(
                "This process runs as root, which PostgreSQL refuses, and neither setpriv nor runuser was found to run it as the " +
                $"'{ServiceUser}' user. Run as a normal user or set `ConnectionStrings:Loyalty`.");
        }

        var runner = setpriv is not null
            ? new PostgresCommandRunner(setpriv, SetprivPrefix)
            : new PostgresCommandRunner(runuser, RunuserPrefix);
        var probe = await runner.RunAsync("id", ["-u"], cancellationToken);
        if (!probe.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"This process runs as root, which PostgreSQL refuses, so the server must run as the '{ServiceUser}' system user, " +
                $"but switching to it failed: {probe.Output} Install PostgreSQL (`apt-get install postgresql` creates the user) " +
                "or set `ConnectionStrings:Loyalty`.");
        }

        return runner;
    }

    /// <summary>Runs a tool to completion (as the service user when root) and collects its output.</summary>
    public async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = CreateStartInfo(fileName, arguments);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        using var process = Process.Start(startInfo)
            ?? throw new EmbeddedPostgresException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = (await standardOutput + Environment.NewLine + await standardError).Trim();
        return new ProcessResult(process.ExitCode, output);
    }

    /// <summary>A start description for the tool, wrapped so that it runs as the service user when root.</summary>
    public ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(_switchUserTool ?? fileName)
        {
            UseShellExecute = false,

            // The service user may not be allowed into our current directory (say, a clone under /root), and
            // initdb and pg_ctl fail when they cannot resolve it.
            WorkingDirectory = OperatingSystem.IsWindows() ? string.Empty : "/",
        };
        if (_switchUserTool is not null)
        {
            foreach (var argument in _switchUserPrefix)
            {
                startInfo.ArgumentList.Add(argument);
            }

            startInfo.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>Makes the service user own a file or folder this (root) process created; a no-op otherwise.</summary>
    public async Task GiveToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        if (!RunsAsServiceUser)
        {
            return;
        }

        var result = await RunAsRootAsync("chown", [ServiceUser + ":", path], cancellationToken);
        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException($"Could not give {path} to the '{ServiceUser}' user: {result.Output}");
        }
    }

    /// <summary>Whether the tools can create files in the folder (every parent must be traversable for them).</summary>
    public async Task<bool> CanWriteAsync(string directory, CancellationToken cancellationToken)
    {
        if (!RunsAsServiceUser)
        {
            return true;
        }

        var result = await RunAsync("test", ["-w", directory, "-a", "-x", directory], cancellationToken);
        return result.Succeeded;
    }

    internal static string? FindExecutable(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }

    private static Task<ProcessResult> RunAsRootAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        new PostgresCommandRunner(null, []).RunAsync(FindExecutable(fileName) ?? fileName, arguments, cancellationToken);
}
