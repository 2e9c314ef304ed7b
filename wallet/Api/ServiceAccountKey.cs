using System.Text.Json;

namespace Loyalty.Wallet.Api;

/// <summary>The fields of a Google service-account JSON key that signing and the token request need.</summary>
internal sealed record ServiceAccountKey(string ClientEmail, string PrivateKey, string? PrivateKeyId, string? TokenUri)
{
    public static ServiceAccountKey Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "service_account")
        {
            throw new GoogleWalletConfigurationException("The key file is not a service-account key (\"type\": \"service_account\").");
        }

        return new ServiceAccountKey(
            Text(root, "client_email") ?? throw new GoogleWalletConfigurationException("The key file has no client_email."),
            Text(root, "private_key") ?? throw new GoogleWalletConfigurationException("The key file has no private_key."),
            Text(root, "private_key_id"),
            Text(root, "token_uri"));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
