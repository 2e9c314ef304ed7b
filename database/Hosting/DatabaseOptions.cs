namespace Loyalty.Database;

/// <summary>Where the data lives: <c>ConnectionStrings:Loyalty</c> and <c>Loyalty:DataDirectory</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>A PostgreSQL connection string; unset: an embedded server is started from the local binaries.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded server (and any other local state) keeps its files.</summary>
    public string DataDirectory { get; set; } = ".loyalty";

    /// <summary>Most connections one process opens: storage commits, reminders and web requests share them.</summary>
    public int MaxPoolSize { get; set; } = 50;
}
