using System.Text;

namespace Loyalty.Wallet.Passes;

/// <summary>
/// Google's resource ids (<c>issuerId.suffix</c>, the suffix of letters, digits, '.', '_' and '-'): one class per program
/// (<c>issuerId.program-{id}</c>), one object per card (<c>issuerId.card-{number}</c>, the number's digits only).
/// </summary>
public static class WalletIds
{
    public static string Class(string issuerId, Guid programId) => $"{issuerId}.program-{programId:D}";

    public static string Object(string issuerId, string cardNumber) => $"{issuerId}.card-{Normalize(cardNumber)}";

    /// <summary>The card number as the id carries it: digits only (a number typed with spaces or dashes names the same card).</summary>
    public static string Normalize(string cardNumber)
    {
        ArgumentNullException.ThrowIfNull(cardNumber);
        var digits = new StringBuilder(cardNumber.Length);
        foreach (var c in cardNumber)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.ToString();
    }
}
