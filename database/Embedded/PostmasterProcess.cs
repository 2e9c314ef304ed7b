namespace Loyalty.Database;

/// <summary>Tells whether the process a postmaster.pid names is still a running PostgreSQL server.</summary>
internal static class PostmasterProcess
{
    /// <returns>
    /// True or false on Linux; null elsewhere, where the caller must ask <c>pg_ctl status</c>.
    /// </returns>
    /// <remarks>
    /// <c>pg_ctl status</c> and PostgreSQL itself only probe the pid with <c>kill(pid, 0)</c>, which also succeeds
    /// for a zombie (a crashed server whose parent, often a container's init, never reaps it) and for an unrelated
    /// process that reused the pid. Either would block every later start.
    /// </remarks>
    public static bool? IsRunning(int processId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // "pid (comm) state ...": comm may itself contain spaces and parentheses, so split at the last ')'.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= stat.Length)
        {
            return false;
        }

        var command = stat[(open + 1)..close];
        var state = stat[close + 2];
        return state != 'Z' && command.StartsWith("postgres", StringComparison.Ordinal);
    }
}
