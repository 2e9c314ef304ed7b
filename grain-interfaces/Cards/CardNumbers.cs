using System.Globalization;

namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// Card numbers: 16 ASCII digits, the last a Luhn check digit over the first 15. Generated numbers start with
/// <see cref="Prefix"/>: its first digit 8 lies outside the payment-card ranges (2 to 6), so no reader or person takes
/// a loyalty card for a bank card. Validation accepts any prefix, so numbers from another issuer can be imported.
/// </summary>
public static class CardNumbers
{
    public const int Length = 16;
    public const string Prefix = "80";

    /// <summary>A new number: <see cref="Prefix"/>, random digits from <paramref name="random"/>, then the check digit.</summary>
    public static string Generate(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var digits = new char[Length];
        Prefix.CopyTo(digits);
        for (var i = Prefix.Length; i < Length - 1; i++)
            digits[i] = (char)('0' + random.NextInt(10));
        digits[Length - 1] = ComputeCheckDigit(new string(digits, 0, Length - 1));
        return new string(digits);
    }

    /// <summary>The Luhn check digit for <paramref name="payload"/> (the number without its check digit).</summary>
    public static char ComputeCheckDigit(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var digit = payload[i] - '0';
            if (digit is < 0 or > 9)
                throw new ArgumentException("The payload must contain digits only.", nameof(payload));
            if (doubleIt)
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
            doubleIt = !doubleIt;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }

    public static CardNumberValidation Validate(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return new(CardNumberProblem.Missing, "A card number is required.");
        if (value.Length != Length)
            return new(CardNumberProblem.WrongLength,
                string.Create(CultureInfo.InvariantCulture, $"A card number has {Length} digits; this one has {value.Length} characters."));
        if (!value.All(char.IsAsciiDigit))
            return new(CardNumberProblem.NotDigits, "A card number contains digits only.");
        var expected = ComputeCheckDigit(value[..^1]);
        return value[^1] == expected
            ? CardNumberValidation.Valid
            : new(CardNumberProblem.CheckDigitMismatch, "The check digit does not match: the number was mistyped or misread.");
    }

    public static bool IsValid(string? value) => Validate(value).IsValid;
}
