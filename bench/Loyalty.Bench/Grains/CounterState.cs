namespace Loyalty.Bench.Grains;

public sealed class CounterState
{
    public long Count { get; set; }
}
