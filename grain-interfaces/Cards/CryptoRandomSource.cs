using System.Security.Cryptography;

namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// The production source: cryptographic, because a card number in a QR code is close to a bearer credential and
/// must not be guessable from other numbers.
/// </summary>
public sealed class CryptoRandomSource : IRandomSource
{
    public static CryptoRandomSource Instance { get; } = new();

    public int NextInt(int maxExclusive) => RandomNumberGenerator.GetInt32(maxExclusive);
}
