using Loyalty.Grains.Programs;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Tests.Programs;

public sealed class TierThresholdsTests
{
    [Theory]
    [InlineData(0, Tier.Bronze)]
    [InlineData(999, Tier.Bronze)]
    [InlineData(1000, Tier.Silver)]
    [InlineData(4999, Tier.Silver)]
    [InlineData(5000, Tier.Gold)]
    [InlineData(1_000_000, Tier.Gold)]
    public void TierFor_DefaultThresholds_InclusiveAtThreshold(long lifetime, Tier expected) =>
        Assert.Equal(expected, TierThresholds.Default.TierFor(lifetime));

    [Fact]
    public void TierFor_CustomThresholds_UsesThem() =>
        Assert.Equal(Tier.Gold, new TierThresholds(Silver: 100, Gold: 200).TierFor(200));
}
