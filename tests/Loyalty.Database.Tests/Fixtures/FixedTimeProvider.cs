namespace Loyalty.Database.Tests.Fixtures;

/// <summary>A clock stopped at one instant, so that recorded times can be asserted exactly.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
