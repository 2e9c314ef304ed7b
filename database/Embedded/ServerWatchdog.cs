using System.Diagnostics;
using System.Globalization;

namespace Loyalty.Database;

/// <summary>
/// Stops the server when the process that started it dies without stopping it (a crash, a kill, a test host torn
/// down). pg_ctl detaches the server from us, so nothing else would ever stop it.
/// </summary>
/// <remarks>
/// A small shell process, detached into its own session so that killing our process tree or a Ctrl-C does not
/// take it down, blocks reading a pipe whose only writer is this process. The kernel closes that pipe however we
/// exit; the watchdog then runs <c>pg_ctl stop</c>, but only if the server it was started for still runs, so it
/// never stops a later server started on the same data directory.
/// </remarks>
internal sealed class ServerWatchdog : IDisposable
{
    private const string Script = """
        exec >>"$3" 2>&1
        cat >/dev/null
        if [ "$(head -n 1 "$2/postmaster.pid" 2>/dev/null)" = "$4" ]; then
          echo "loyalty watchdog: the process that started this server exited without stopping it; stopping it"
          exec "$1" stop -D "$2" -m fast -w
        fi
        """;

    private readonly Process? _process;

    private ServerWatchdog(Process? process) => _process = process;

    public static ServerWatchdog Start(
        PostgresBinaries binaries, ClusterLayout layout, PostgresCommandRunner runner, int postmasterProcessId)
    {
        if (OperatingSystem.IsWindows())
        {
            return new ServerWatchdog(null);
        }

        var inner = runner.CreateStartInfo(
            "/bin/sh",
            ["-c", Script, "loyalty-postgres-watchdog", binaries.PgCtl, layout.Cluster, layout.ServerLog,
                postmasterProcessId.ToString(CultureInfo.InvariantCulture)]);

        // setsid -f forks into a new session, so the watchdog is neither our child nor in our process group.
        var setsid = PostgresCommandRunner.FindExecutable("setsid");
        var startInfo = inner;
        if (setsid is not null)
        {
            startInfo = new ProcessStartInfo(setsid) { UseShellExecute = false, WorkingDirectory = inner.WorkingDirectory };
            startInfo.ArgumentList.Add("-f");
            startInfo.ArgumentList.Add(inner.FileName);
            foreach (var argument in inner.ArgumentList)
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        startInfo.RedirectStandardInput = true;
        var process = Process.Start(startInfo) ?? throw new EmbeddedPostgresException("Could not start the server watchdog.");
        return new ServerWatchdog(process);
    }

    /// <summary>Closes the pipe; after a normal stop the watchdog finds no server of its own and exits.</summary>
    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }

        _process.StandardInput.Dispose();
        _process.Dispose();
    }
}
