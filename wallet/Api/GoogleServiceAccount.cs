using System.Text;
using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Api;

/// <summary>
/// The issuer's service account (Google.Apis.Auth): access tokens for the Wallet API (scope
/// <see cref="GoogleWalletOptions.Scope"/>, the JWT assertion grant, cached until shortly before they expire) and RS256
/// signatures for save links. The key file is read on first use, so a missing file shows on the wallet check page
/// instead of stopping the process; its content is never logged or put in an exception.
/// </summary>
public sealed class GoogleServiceAccount(IOptions<GoogleWalletOptions> options, TimeProvider time)
{
    private const string GoogleTokenEndpoint = "https://oauth2.googleapis.com/token";
    private readonly Lock _lock = new();
    private ServiceAccountCredential? _credential;

    /// <summary>The service account's e-mail address (the save link's <c>iss</c>).</summary>
    public string ClientEmail => Credential.Id;

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);
        }
        catch (TokenResponseException exception)
        {
            throw new GoogleWalletConfigurationException(
                $"The token endpoint refused the service account's assertion: {exception.Error?.Error} {exception.Error?.ErrorDescription}".TrimEnd(), exception);
        }
        catch (HttpRequestException exception)
        {
            throw new GoogleWalletConfigurationException($"The token endpoint could not be reached: {exception.Message}", exception);
        }
    }

    /// <summary>The RS256 signature of <paramref name="data"/> with the service account's key, base64url-encoded.</summary>
    public string SignBase64Url(byte[] data) =>
        Convert.ToBase64String(Convert.FromBase64String(Credential.CreateSignature(data))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key's id (the JWT header's <c>kid</c>), when the key file names it.</summary>
    public string? KeyId => Credential.KeyId;

    private ServiceAccountCredential Credential
    {
        get
        {
            lock (_lock)
            {
                return _credential ??= Load();
            }
        }
    }

    private ServiceAccountCredential Load()
    {
        var settings = options.Value;
        var path = settings.ServiceAccountKeyFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new GoogleWalletConfigurationException("Loyalty:Wallet:Google:ServiceAccountKeyFile is not set.");
        }

        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new GoogleWalletConfigurationException($"The service-account key file {path} cannot be read: {exception.GetType().Name}.", exception);
        }

        ServiceAccountKey key;
        try
        {
            key = ServiceAccountKey.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new GoogleWalletConfigurationException($"The service-account key file {path} is not JSON.", exception);
        }

        var tokenEndpoint = settings.TokenEndpoint?.AbsoluteUri ?? key.TokenUri ?? GoogleTokenEndpoint;
        try
        {
            var initializer = new ServiceAccountCredential.Initializer(key.ClientEmail, tokenEndpoint)
            {
                Scopes = [GoogleWalletOptions.Scope],
                KeyId = key.PrivateKeyId,
                Clock = new GoogleClock(time),

                // Failures surface at once: the pass's resync has its own backoff (reminders), the check page says why.
                DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
            }.FromPrivateKey(key.PrivateKey);
            return new ServiceAccountCredential(initializer);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new GoogleWalletConfigurationException($"The service-account key file {path} holds no usable RSA private key.", exception);
        }
    }
}
