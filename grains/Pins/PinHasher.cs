using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;

namespace Loyalty.Grains.Pins;

/// <summary>
/// bcrypt for staff PINs, in the OpenBSD <c>$2b$</c> form that tablets verify offline. Cost 10 takes 50–100 ms
/// per hash: callers run it off the activation's scheduler.
/// </summary>
public static class PinHasher
{
    public const int Cost = 10;
    private const string Version = "2b";
    private const int SaltBytes = 16;

    // bcrypt's own base64 alphabet, used for the 22-character salt inside the hash string.
    private const string Base64Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Hash(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return OpenBsdBCrypt.Generate(Version, pin.ToCharArray(), RandomNumberGenerator.GetBytes(SaltBytes), Cost);
    }

    /// <summary>
    /// Whether <paramref name="pin"/> matches <paramref name="hash"/>. The hash is recomputed with the stored salt and
    /// cost and compared in constant time, so the answer's timing says nothing about how much of it matched.
    /// </summary>
    public static bool Verify(string pin, string hash)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(hash);

        // $2b$10$ + 22 salt characters + 31 hash characters.
        if (hash.Length != 60 || !hash.StartsWith("$2", StringComparison.Ordinal) || hash[2] is not ('a' or 'b' or 'y')
            || hash[3] != '$' || hash[6] != '$'
            || !int.TryParse(hash.AsSpan(4, 2), out var cost) || DecodeSalt(hash.AsSpan(7, 22)) is not { } salt)
        {
            return false;
        }

        var computed = OpenBsdBCrypt.Generate(hash.Substring(1, 2), pin.ToCharArray(), salt, cost);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(hash));
    }

    private static byte[]? DecodeSalt(ReadOnlySpan<char> encoded)
    {
        var salt = new byte[SaltBytes];
        int bits = 0, bitCount = 0, written = 0;
        foreach (var c in encoded)
        {
            var value = Base64Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
                return null;
            bits = (bits << 6) | value;
            bitCount += 6;
            if (bitCount >= 8 && written < SaltBytes)
            {
                bitCount -= 8;
                salt[written++] = (byte)(bits >> bitCount);
                bits &= (1 << bitCount) - 1;
            }
        }

        return written == SaltBytes ? salt : null;
    }
}
