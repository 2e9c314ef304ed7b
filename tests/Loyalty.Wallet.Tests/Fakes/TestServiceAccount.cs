using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Loyalty.Wallet.Tests.Fakes;

/// <summary>
/// A service account made for the test: a fresh RSA key, written as a Google JSON key file. The fake token endpoint and
/// the JWT checks verify signatures with its public half.
/// </summary>
public sealed class TestServiceAccount : IDisposable
{
    public const string Email = "loyalty-wallet@test-project.iam.gserviceaccount.com";
    public const string KeyId = "test-key-1";

    private TestServiceAccount(RSA key, string keyFile)
    {
        Key = key;
        KeyFile = keyFile;
    }

    public RSA Key { get; }

    public string KeyFile { get; }

    public static TestServiceAccount Create()
    {
        var key = RSA.Create(2048);
        var file = Path.Combine(Path.GetTempPath(), $"loyalty-wallet-key-{Guid.NewGuid():N}.json");
        var json = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "test-project",
            ["private_key_id"] = KeyId,
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = Email,
            ["client_id"] = "100000000000000000001",

            // Google's real endpoint: the configured TokenEndpoint must win, or the test never gets a token.
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        };
        File.WriteAllText(file, json.ToJsonString());
        return new TestServiceAccount(key, file);
    }

    public void Dispose()
    {
        Key.Dispose();
        File.Delete(KeyFile);
    }
}
