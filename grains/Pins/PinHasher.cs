namespace Loyalty.Grains.Pins;

/// <summary>
/// bcrypt for staff PINs, in the OpenBSD <c>$2b$</c> form that tablets verify offline (BCrypt.Net-Next). Cost 10 takes
/// 50–100 ms per hash: callers run it off the activation's scheduler. Hashes written earlier by BouncyCastle
/// (<c>$2b$</c>, and <c>$2a$</c>/<c>$2y$</c> from other tools) verify unchanged.
/// </summary>
public static class PinHasher
{
    public const int Cost = 10;

    public static string Hash(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return BCrypt.Net.BCrypt.HashPassword(pin, BCrypt.Net.BCrypt.GenerateSalt(Cost, 'b'));
    }

    /// <summary>
    /// Whether <paramref name="pin"/> matches <paramref name="hash"/>. BCrypt.Net compares the recomputed hash in constant
    /// time; a malformed hash is a mismatch, not an error.
    /// </summary>
    public static bool Verify(string pin, string hash)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Length != 60 || !hash.StartsWith("$2", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return BCrypt.Net.BCrypt.Verify(pin, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }
}
