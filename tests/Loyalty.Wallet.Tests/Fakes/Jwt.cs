using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Wallet.Tests.Fakes;

/// <summary>Reads and verifies an RS256 JWT (what the fake token endpoint and the save-link tests need, nothing more).</summary>
public static class Jwt
{
    /// <summary>The header and claims of <paramref name="jwt"/> when its RS256 signature verifies with <paramref name="key"/>; null otherwise.</summary>
    public static (JsonObject Header, JsonObject Claims)? Verify(string jwt, RSA key)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        ArgumentNullException.ThrowIfNull(key);
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var signature = FromBase64Url(parts[2]);
        if (!key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return null;
        }

        return (JsonNode.Parse(FromBase64Url(parts[0]))!.AsObject(), JsonNode.Parse(FromBase64Url(parts[1]))!.AsObject());
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.FromBase64String(padded);
    }
}
