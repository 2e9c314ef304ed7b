using System.Text.Json.Serialization;

namespace Loyalty.GrainInterfaces.Programs;

/// <summary>
/// When points expire. <see cref="PointExpiryMode.AfterEarning"/>: each earned lot expires <see cref="Days"/> days
/// after it was earned. <see cref="PointExpiryMode.Inactivity"/>: the whole balance expires after <see cref="Days"/>
/// days without customer activity. <see cref="Days"/> is ignored for <see cref="PointExpiryMode.None"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.programs.PointExpiryPolicy")]
public sealed record PointExpiryPolicy([Id(0)] PointExpiryMode Mode, [Id(1)] int Days = 0)
{
    public static PointExpiryPolicy None { get; } = new(PointExpiryMode.None);

    public static PointExpiryPolicy AfterEarning(int days) => new(PointExpiryMode.AfterEarning, days);

    public static PointExpiryPolicy Inactivity(int days) => new(PointExpiryMode.Inactivity, days);

    [JsonIgnore]
    public TimeSpan Period => TimeSpan.FromDays(Days);
}
