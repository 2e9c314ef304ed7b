using System.Diagnostics;

namespace Loyalty.Testing;

/// <summary>
/// Deletes a throwaway cluster folder once this process has exited and the server's own watchdog has stopped the
/// server. Needed because the test platform kills the test host right after a run, usually before
/// AppDomain.ProcessExit handlers finish.
/// </summary>
/// <remarks>
/// Like the server's watchdog, a detached shell blocks on a pipe whose only writer is this process; the kernel
/// closes the pipe however the process ends.
/// </remarks>
internal static class DirectoryReaper
{
    private const string Script = """
        exec >/dev/null 2>&1
        cat
        waited=0
        while [ -e "$1/cluster/postmaster.pid" ] && [ "$waited" -lt 600 ]; do sleep 0.1; waited=$((waited + 1)); done
        [ -e "$1/cluster/postmaster.pid" ] || rm -rf "$1"
        """;

    // Referenced for the life of the process so that the pipe's write end stays open until the process ends.
    private static readonly List<Process> Reapers = [];

    public static void DeleteAfterExit(string directory)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/setsid"))
        {
            return;
        }

        var startInfo = new ProcessStartInfo("/usr/bin/setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in new[] { "-f", "/bin/sh", "-c", Script, "loyalty-test-reaper", directory })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the folder reaper.");
        lock (Reapers)
        {
            Reapers.Add(process);
        }
    }
}
