using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Web.Admin;

/// <summary>Token generation and hashing: 256 random bits, base64url, stored as SHA-256.</summary>
public static class AdminTokens
{
    public const int MinimumLength = 32;

    public static string Generate() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
