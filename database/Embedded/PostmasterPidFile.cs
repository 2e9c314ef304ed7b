using System.Globalization;

namespace Loyalty.Database;

/// <summary>The lines of a running server's postmaster.pid that we use: process id, port and status.</summary>
internal sealed record PostmasterPidFile(int ProcessId, int Port, string Status)
{
    public static PostmasterPidFile? TryRead(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }

        // Layout (see pidfile.h): 1 pid, 2 data dir, 3 start time, 4 port, 5 socket dir, 6 listen address,
        // 7 shared memory key, 8 status. The port and status lines appear while the server starts.
        if (lines.Length < 4
            || !int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || !int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        return new PostmasterPidFile(processId, port, lines.Length >= 8 ? lines[7].Trim() : string.Empty);
    }
}
