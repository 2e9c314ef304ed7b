using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Loyalty.Bench.Scenarios;

/// <summary>
/// CPU time spent by this process (the silo, the web frontend and the load generator) and by the PostgreSQL server
/// (its postmaster and every backend, from <c>/proc</c> on Linux). On a shared 2-core machine throughput varies with
/// other people's load; CPU per operation varies much less, and says which side bounds a figure.
/// </summary>
public sealed class CpuMeter
{
    private readonly int? _postmaster;

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    /// <summary>Finds the server's postmaster from its data directory; server CPU reads as 0 when it is not local or not readable.</summary>
    public static async Task<CpuMeter> CreateAsync(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            await using var command = database.CreateCommand("SHOW data_directory");
            var directory = (string)(await command.ExecuteScalarAsync())!;
            var firstLine = File.ReadLines(Path.Combine(directory, "postmaster.pid")).First();
            return new CpuMeter(OperatingSystem.IsLinux() ? int.Parse(firstLine, CultureInfo.InvariantCulture) : null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or PostgresException)
        {
            return new CpuMeter(null);
        }
    }

    /// <summary>CPU seconds so far: this process, and the PostgreSQL server.</summary>
    public (double Process, double Server) Read() => (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, ServerSeconds());

    private double ServerSeconds()
    {
        if (_postmaster is not { } postmaster)
        {
            return 0;
        }

        // The postmaster's own time and that of its ended (reaped) children, plus every live backend's.
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == postmaster)
            {
                ticks += stat.Own + stat.Children;
            }
            else if (stat.Parent == postmaster)
            {
                ticks += stat.Own;
            }
        }

        return ticks / 100.0; // USER_HZ
    }

    private static (int Parent, long Own, long Children)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // Fields after the command name (which may hold spaces) start at field 3: state, ppid, ... utime is field 14.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }
}
