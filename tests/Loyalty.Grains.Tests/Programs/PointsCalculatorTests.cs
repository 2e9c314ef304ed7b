using Loyalty.Grains.Programs;

namespace Loyalty.Grains.Tests.Programs;

public sealed class PointsCalculatorTests
{
    [Theory]
    [InlineData("EUR", 1299, 10, 129)]
    [InlineData("EUR", 1299, 1, 12)]
    [InlineData("EUR", 99, 1, 0)]
    [InlineData("EUR", 100, 1, 1)]
    [InlineData("JPY", 1299, 1, 1299)]
    [InlineData("GBP", 5, 25, 1)]
    [InlineData("CHF", 19_995, 3, 599)]
    [InlineData("KWD", 1999, 1, 1)]
    public void PointsFor_Amount_RoundsDown(string code, long amountMinor, int perUnit, long expected) =>
        Assert.Equal(expected, PointsCalculator.PointsFor(amountMinor, perUnit, Currencies.Find(code)!));

    [Fact]
    public void PointsFor_LargestAmount_DoesNotOverflow() =>
        Assert.Equal(1_000_000_000_000_000, PointsCalculator.PointsFor(PointsCalculator.MaxPurchaseAmountMinor, 1000, Currencies.Find("JPY")!));

    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("usd", 2)]
    [InlineData("GBP", 2)]
    [InlineData("CHF", 2)]
    [InlineData("JPY", 0)]
    public void Find_KnownCurrency_ReturnsExponent(string code, int exponent) =>
        Assert.Equal(exponent, Currencies.Find(code)?.MinorUnitExponent);

    [Fact]
    public void Find_UnknownCurrency_ReturnsNull() => Assert.Null(Currencies.Find("XYZ"));
}
