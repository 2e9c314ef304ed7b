using System.Text;
using System.Text.Json.Nodes;
using Loyalty.Grains.Customers;
using Loyalty.Wallet.Api;
using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Passes;

/// <summary>
/// The "Add to Google Wallet" link: <c>https://pay.google.com/gp/v/save/{jwt}</c>, a skinny JWT (RS256, the service
/// account's key) naming only an object already inserted over REST, so the link stays far below the ~1,800 characters
/// browsers keep. Claims: iss (service-account e-mail), aud "google", typ "savetowallet", iat, origins, payload.
/// </summary>
public sealed class SaveLinkSigner(GoogleServiceAccount account, IOptions<GoogleWalletOptions> options, IOptions<CustomerLinkOptions> links, TimeProvider time)
{
    public const string SaveUrlPrefix = "https://pay.google.com/gp/v/save/";

    public string SaveUrl(string objectId) => SaveUrlPrefix + Jwt(objectId);

    public string Jwt(string objectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectId);
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        if (account.KeyId is { } keyId)
        {
            header["kid"] = keyId;
        }

        var origins = new JsonArray();
        foreach (var origin in Origins())
        {
            origins.Add(origin);
        }

        var claims = new JsonObject
        {
            ["iss"] = account.ClientEmail,
            ["aud"] = "google",
            ["typ"] = "savetowallet",
            ["iat"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["origins"] = origins,
            ["payload"] = new JsonObject
            {
                ["loyaltyObjects"] = new JsonArray { new JsonObject { ["id"] = objectId } },
            },
        };
        var signed = $"{Base64Url(header.ToJsonString())}.{Base64Url(claims.ToJsonString())}";
        return $"{signed}.{account.SignBase64Url(Encoding.ASCII.GetBytes(signed))}";
    }

    private IEnumerable<string> Origins()
    {
        var configured = options.Value.Origins;
        if (configured.Count > 0)
        {
            return configured;
        }

        var site = links.Value.PublicBaseUrl;
        return [site.GetLeftPart(UriPartial.Authority)];
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
