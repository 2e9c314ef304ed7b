namespace Loyalty.TerminalClient.Tests.Stubs;

/// <summary>A tablet clock that moves only when a test says so.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
