using Loyalty.Grains.Merchants;
using Loyalty.GrainInterfaces.Merchants;

namespace Loyalty.Grains.Tests.Merchants;

public sealed class MerchantValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    [InlineData("lb")]
    public void Validate_ValidCommand_HasNoErrors(string? locale)
    {
        Assert.True(MerchantValidator.Validate(new CreateMerchantCommand("Fashion Hub", "fashionhub", locale, "system")).IsEmpty);
    }

    [Fact]
    public void Validate_EveryFieldWrong_NamesEveryField()
    {
        var errors = MerchantValidator.Validate(new CreateMerchantCommand(new string('n', 101), "x_y", "es", "system")).ToDictionary();

        Assert.Equal(["Must be at most 100 characters."], errors["name"]);
        Assert.Equal(["Use lower-case letters, digits and hyphens, starting and ending with a letter or digit."], errors["slug"]);
        Assert.Equal(["Must be one of en, fr, de, lb."], errors["defaultLocale"]);
    }
}
