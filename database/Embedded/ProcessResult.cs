namespace Loyalty.Database;

/// <summary>Exit code and combined output of a finished PostgreSQL tool.</summary>
internal sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
