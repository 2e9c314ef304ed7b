using Loyalty.Grains.Pins;

namespace Loyalty.Grains.Tests.Pins;

public sealed class PinFormatTests
{
    [Theory]
    [InlineData("1234", true)]
    [InlineData("12345678", true)]
    [InlineData("0000", true)]
    [InlineData("123", false)]
    [InlineData("123456789", false)]
    [InlineData("12a4", false)]
    [InlineData("12 34", false)]
    [InlineData("١٢٣٤", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Pin_AcceptsFourToEightDigits(string? pin, bool valid) =>
        Assert.Equal(valid, PinFormat.IsValid(pin));
}
