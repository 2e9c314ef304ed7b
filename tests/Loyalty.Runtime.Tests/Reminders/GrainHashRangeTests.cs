using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Tests.Reminders;

public sealed class GrainHashRangeTests
{
    [Theory]
    [InlineData(10u, 20u, 10u, false)]
    [InlineData(10u, 20u, 11u, true)]
    [InlineData(10u, 20u, 20u, true)]
    [InlineData(10u, 20u, 21u, false)]
    [InlineData(4_000_000_000u, 5u, 4_000_000_001u, true)]
    [InlineData(4_000_000_000u, 5u, 0u, true)]
    [InlineData(4_000_000_000u, 5u, 5u, true)]
    [InlineData(4_000_000_000u, 5u, 6u, false)]
    [InlineData(7u, 7u, 123u, true)]
    public void Contains_ExcludesBeginIncludesEndAndWraps(uint begin, uint end, uint hash, bool expected) =>
        Assert.Equal(expected, new GrainHashRange(begin, end).Contains(hash));
}
