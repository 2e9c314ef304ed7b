using Loyalty.Grains.Rules;

namespace Loyalty.Grains.Tests.Rules;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("fashionhub")]
    [InlineData("a")]
    [InlineData("ville-haute-2")]
    public void Slug_Valid_AddsNoError(string slug)
    {
        var errors = new FieldErrors();

        TextRules.Slug(errors, "slug", slug);

        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(null, "Required.")]
    [InlineData("", "Required.")]
    [InlineData("Upper", "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit.")]
    [InlineData("-start", "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit.")]
    [InlineData("end-", "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit.")]
    [InlineData("sp ace", "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit.")]
    [InlineData("caf\u00e9", "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit.")]
    public void Slug_Invalid_SaysWhy(string? slug, string message)
    {
        var errors = new FieldErrors();

        TextRules.Slug(errors, "slug", slug);

        Assert.Equal([message], errors.ToDictionary()["slug"]);
    }

    [Fact]
    public void Slug_TooLong_IsRefused()
    {
        var errors = new FieldErrors();

        TextRules.Slug(errors, "slug", new string('a', TextRules.MaxSlugLength + 1));

        Assert.Equal(["Must be at most 63 characters."], errors.ToDictionary()["slug"]);
    }

    [Theory]
    [InlineData("Caf\u00e9 \U0001F600", false, true)]
    [InlineData("nul\0", false, false)]
    [InlineData("line\nbreak", false, false)]
    [InlineData("line\r\nbreak\ttab", true, true)]
    [InlineData("bell\a", true, false)]
    public void IsClean_ControlCharactersAndUnpairedSurrogates_AreRefused(string value, bool multiline, bool expected)
    {
        Assert.Equal(expected, TextRules.IsClean(value, multiline));
    }

    [Fact]
    public void IsClean_UnpairedSurrogates_AreRefused()
    {
        // Built in code: attribute arguments cannot carry unpaired surrogates (metadata is UTF-8).
        Assert.False(TextRules.IsClean("lone " + (char)0xD800 + " high", multiline: true));
        Assert.False(TextRules.IsClean("lone " + (char)0xDC00 + " low", multiline: true));
        Assert.False(TextRules.IsClean("reversed " + (char)0xDC00 + (char)0xD800, multiline: true));
        Assert.False(TextRules.IsClean("ends high " + (char)0xD800, multiline: true));
    }
}
