using System.Globalization;

namespace Loyalty.Web.AdminSite.Cards;

/// <summary>
/// One search box for four keys, told apart by their shape: an <c>@</c> is an e-mail (prefix, any case); digits with
/// the usual separators are a card number when there are 16 of them (a phone number has at most 15, E.164), else the
/// end of a phone number; anything else is part of a name. A name needs <see cref="MinNameLength"/> characters (the
/// trigram index has nothing to look up for fewer) and a phone <see cref="MinPhoneDigits"/> digits.
/// </summary>
public sealed record CardSearchQuery(CardSearchKind Kind, string Value, CardSearchProblem Problem = CardSearchProblem.None)
{
    public const int MinNameLength = 3;
    public const int MinPhoneDigits = 4;
    public const int MaxLength = 200;
    public const int CardNumberDigits = 16;

    public static CardSearchQuery Empty { get; } = new(CardSearchKind.None, string.Empty);

    public bool CanRun => Kind != CardSearchKind.None && Problem == CardSearchProblem.None;

    public static CardSearchQuery Parse(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            return Empty;
        if (trimmed.Length > MaxLength || trimmed.Any(char.IsControl))
            return new(CardSearchKind.None, string.Empty, CardSearchProblem.Invalid);
        if (trimmed.Contains('@', StringComparison.Ordinal))
            return new(CardSearchKind.Email, trimmed.ToLowerInvariant());

        var digits = Digits(trimmed);
        if (digits is not null)
        {
            if (digits.Length == CardNumberDigits)
                return new(CardSearchKind.Number, digits);
            return digits.Length < MinPhoneDigits
                ? new(CardSearchKind.Phone, digits, CardSearchProblem.PhoneTooShort)
                : new(CardSearchKind.Phone, digits);
        }

        return new StringInfo(trimmed).LengthInTextElements < MinNameLength
            ? new(CardSearchKind.Name, trimmed, CardSearchProblem.NameTooShort)
            : new(CardSearchKind.Name, trimmed);
    }

    /// <summary>The digits of a number typed with spaces, dashes, dots, slashes or brackets (and a leading +); null for other text.</summary>
    private static string? Digits(string text)
    {
        var start = text[0] == '+' ? 1 : 0;
        var digits = new System.Text.StringBuilder(text.Length);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
                digits.Append(c);
            else if (c is not (' ' or '-' or '.' or '/' or '(' or ')'))
                return null;
        }

        return digits.Length == 0 ? null : digits.ToString();
    }
}
