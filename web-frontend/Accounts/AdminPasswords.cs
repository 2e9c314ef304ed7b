using System.Security.Cryptography;

namespace Loyalty.Web.Accounts;

/// <summary>What a password must be, and generated one-time passwords.</summary>
public static class AdminPasswords
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 200;

    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Long enough, not longer than a hash needs, and without control characters.</summary>
    public static bool IsAcceptable(string? password) =>
        password is { Length: >= MinimumLength and <= MaximumLength } && !password.Any(char.IsControl);

    /// <summary>A one-time password of 20 characters from an alphabet without look-alikes (about 116 bits).</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 20);
}
