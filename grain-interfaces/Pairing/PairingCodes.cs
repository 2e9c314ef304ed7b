using System.Security.Cryptography;

namespace Loyalty.GrainInterfaces.Pairing;

/// <summary>
/// Pairing codes: 8 characters drawn uniformly with <see cref="RandomNumberGenerator"/> from 32 symbols that cannot
/// be misread (no 0/O, 1/I), so 40 bits: guessing one of the few live codes is hopeless behind the pairing rate limit.
/// </summary>
public static class PairingCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 8;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as typed (any case, surrounding spaces) in canonical form, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var code = typed?.Trim().ToUpperInvariant();
        return code is { Length: Length } && code.All(Alphabet.Contains) ? code : null;
    }
}
