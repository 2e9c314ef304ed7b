using Loyalty.Grains.Cards;
using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardNumbersTests
{
    [Theory]
    [InlineData("7992739871", '3')]
    [InlineData("411111111111111", '1')]
    [InlineData("555555555555444", '4')]
    [InlineData("801234567890123", '0')]
    [InlineData("800000000000000", '3')]
    public void ComputeCheckDigit_KnownVectors_ReturnsLuhnDigit(string payload, char expected) =>
        Assert.Equal(expected, CardNumbers.ComputeCheckDigit(payload));

    [Fact]
    public void Generate_FixedRandomDigits_ReturnsPrefixDigitsAndCheckDigit()
    {
        var number = CardNumbers.Generate(new SequenceRandom([1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3]));

        Assert.Equal("8012345678901230", number);
    }

    [Fact]
    public void Generate_CryptoSource_ReturnsValidNumbers()
    {
        for (var i = 0; i < 100; i++)
        {
            var number = CardNumbers.Generate(CryptoRandomSource.Instance);
            Assert.StartsWith(CardNumbers.Prefix, number, StringComparison.Ordinal);
            Assert.True(CardNumbers.IsValid(number), number);
        }
    }

    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("5555555555554444")]
    [InlineData("8012345678901230")]
    public void Validate_ValidNumber_ReturnsValid(string number) =>
        Assert.Same(CardNumberValidation.Valid, CardNumbers.Validate(number));

    [Theory]
    [InlineData(null, CardNumberProblem.Missing)]
    [InlineData("", CardNumberProblem.Missing)]
    [InlineData("801234567890123", CardNumberProblem.WrongLength)]
    [InlineData("80123456789012300", CardNumberProblem.WrongLength)]
    [InlineData("80123456789O1230", CardNumberProblem.NotDigits)]
    [InlineData("8012 45678901230", CardNumberProblem.NotDigits)]
    [InlineData("٨012345678901230", CardNumberProblem.NotDigits)]
    [InlineData("8012345678901231", CardNumberProblem.CheckDigitMismatch)]
    [InlineData("8021345678901230", CardNumberProblem.CheckDigitMismatch)]
    public void Validate_InvalidNumber_ReturnsProblemWithReason(string? number, CardNumberProblem problem)
    {
        var result = CardNumbers.Validate(number);

        Assert.Equal(problem, result.Problem);
        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    private sealed class SequenceRandom(int[] values) : IRandomSource
    {
        private int _next;

        public int NextInt(int maxExclusive) => values[_next++] % maxExclusive;
    }
}
