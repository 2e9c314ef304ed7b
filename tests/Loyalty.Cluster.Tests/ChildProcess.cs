using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// One Loyalty process (<c>dotnet &lt;assembly&gt; --urls http://127.0.0.1:&lt;port&gt;</c>) with its stdout and stderr
/// kept for failure messages. Disposing kills it (and anything it started) if it still runs.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int MaxKeptLines = 20000;

    // Background jobs of a non-interactive shell read /dev/null, hence stdin is kept as fd 3 for the guard. The guard
    // writes nowhere, so only the command holds our stdout and stderr pipes.
    private const string OrphanGuard = """
        exec 3<&0
        "$@" </dev/null 3<&- &
        child=$!
        ( cat <&3 >/dev/null; kill -KILL "$child" 2>/dev/null ) >/dev/null 2>&1 &
        exec 3<&-
        wait "$child"
        """;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private int _lineCount;

    private ChildProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Every line the process wrote so far (the last 20,000), stderr lines prefixed <c>stderr: </c>.</summary>
    public IReadOnlyList<string> Lines => _output.ToArray();

    /// <summary>Starts the assembly on a free loopback port with <paramref name="environment"/> on top of this process's.</summary>
    public static ChildProcess Start(string name, string assemblyPath, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = CreateStartInfo(BuiltProcess.DotnetHost(), [assemblyPath, "--urls", baseAddress.ToString().TrimEnd('/')]);
        start.WorkingDirectory = Path.GetDirectoryName(assemblyPath)!;

        // Settings this test process may carry (a developer's shell, CI) must not leak into the children.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("Loyalty__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Orleans__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Serilog__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, baseAddress);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data is null ? null : "stderr: " + e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL on Linux: no shutdown, no flush, like a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The last <paramref name="lines"/> lines the process wrote, headed by its name, pid and state.</summary>
    public string Describe(int lines = 200)
    {
        var kept = _output.ToArray();
        var state = _process.HasExited ? $"exited with {_process.ExitCode}" : "running";
        var text = new StringBuilder()
            .AppendLine(FormattableString.Invariant($"===== {Name} (pid {_process.Id}, {BaseAddress}, {state}): last {Math.Min(lines, kept.Length)} of {_lineCount} lines ====="));
        foreach (var line in kept.Skip(Math.Max(0, kept.Length - lines)))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Never started, or did not exit in time after SIGKILL (nothing more a test can do about that).
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>
    /// On Unix the command runs under a small shell that SIGKILLs it once our end of its stdin pipe closes: however
    /// this test process ends (a crash, a killed test host), no silo outlives it. Killing the tree kills both.
    /// </summary>
    private static ProcessStartInfo CreateStartInfo(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = !OperatingSystem.IsWindows(),
            UseShellExecute = false,
        };
        if (OperatingSystem.IsWindows())
        {
            start.FileName = fileName;
        }
        else
        {
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(OrphanGuard);
            start.ArgumentList.Add("loyalty-test-child");
            start.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref _lineCount);
        _output.Enqueue(line);
        while (_output.Count > MaxKeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
