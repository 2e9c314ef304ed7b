using System.Security.Cryptography;
using System.Text;

namespace Loyalty.GrainInterfaces.Devices;

/// <summary>Device tokens: 256 random bits in base64url; only their SHA-256 is stored and compared.</summary>
public static class DeviceTokens
{
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }
}
