namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class CounterState
{
    public long Count { get; set; }
}
