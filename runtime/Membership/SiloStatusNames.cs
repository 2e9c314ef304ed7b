namespace Loyalty.Runtime.Membership;

/// <summary>The spelling of <see cref="SiloStatus"/> in the <c>silos.status</c> column.</summary>
internal static class SiloStatusNames
{
    public static string ToColumn(SiloStatus status) => status switch
    {
        SiloStatus.Joining => "joining",
        SiloStatus.Active => "active",
        SiloStatus.ShuttingDown => "shutting-down",
        SiloStatus.Dead => "dead",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown silo status."),
    };

    public static SiloStatus FromColumn(string value) => value switch
    {
        "joining" => SiloStatus.Joining,
        "active" => SiloStatus.Active,
        "shutting-down" => SiloStatus.ShuttingDown,
        "dead" => SiloStatus.Dead,
        _ => throw new InvalidOperationException($"Unknown silo status '{value}' in the silos table."),
    };
}
