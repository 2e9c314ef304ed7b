using Loyalty.Web.AdminSite.Cards;

namespace Loyalty.Web.Tests.AdminSite.Cards;

public sealed class CardSearchQueryTests
{
    [Theory]
    [InlineData("4000 0012 3456 7899", CardSearchKind.Number, "4000001234567899")]
    [InlineData("4000-0012-3456-7899", CardSearchKind.Number, "4000001234567899")]
    [InlineData("  Emma.Schmit@Example.COM ", CardSearchKind.Email, "emma.schmit@example.com")]
    [InlineData("emma@", CardSearchKind.Email, "emma@")]
    [InlineData("+352 621 123 456", CardSearchKind.Phone, "352621123456")]
    [InlineData("(621) 12.34", CardSearchKind.Phone, "6211234")]
    [InlineData("Élodie", CardSearchKind.Name, "Élodie")]
    [InlineData("van der Berg", CardSearchKind.Name, "van der Berg")]
    public void Parse_RecognizesTheKey(string text, CardSearchKind kind, string value)
    {
        var query = CardSearchQuery.Parse(text);

        Assert.Equal((kind, value, CardSearchProblem.None, true), (query.Kind, query.Value, query.Problem, query.CanRun));
    }

    [Theory]
    [InlineData("Li", CardSearchKind.Name, CardSearchProblem.NameTooShort)]
    [InlineData("é", CardSearchKind.Name, CardSearchProblem.NameTooShort)]
    [InlineData("621", CardSearchKind.Phone, CardSearchProblem.PhoneTooShort)]
    [InlineData("Emma\u0000", CardSearchKind.None, CardSearchProblem.Invalid)]
    public void Parse_TooShortOrInvalid_IsNotRun(string text, CardSearchKind kind, CardSearchProblem problem)
    {
        var query = CardSearchQuery.Parse(text);

        Assert.Equal((kind, problem, false), (query.Kind, query.Problem, query.CanRun));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Nothing_IsEmpty(string? text) => Assert.Same(CardSearchQuery.Empty, CardSearchQuery.Parse(text));

    [Fact]
    public void Parse_LongerThanTheLimit_IsInvalid() =>
        Assert.Equal(CardSearchProblem.Invalid, CardSearchQuery.Parse(new string('a', CardSearchQuery.MaxLength + 1)).Problem);
}
