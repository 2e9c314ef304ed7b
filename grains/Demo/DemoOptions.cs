namespace Loyalty.Grains.Demo;

/// <summary>Configuration section <c>Loyalty:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Loyalty:Demo";

    /// <summary>Seed the demo merchant, stores, programs, staff PINs and cards into a database that has no merchants yet.</summary>
    public bool Seed { get; set; } = true;
}
