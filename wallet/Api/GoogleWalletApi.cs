using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Loyalty.Wallet.Rate;
using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Api;

/// <summary>
/// The Wallet REST API over a typed <see cref="HttpClient"/> (base address <see cref="GoogleWalletOptions.ApiBaseUrl"/>):
/// every request first takes a permit from the cluster-wide rate limiter, then carries the service account's bearer
/// token. Answers are returned as they are; callers decide what 404, 409 and the rest mean.
/// </summary>
public sealed class GoogleWalletApi(HttpClient http, GoogleServiceAccount account, GoogleWalletRateLimiter limiter, IOptions<GoogleWalletOptions> options)
{
    public Task<WalletApiResult> GetIssuerAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"issuer/{Uri.EscapeDataString(options.Value.IssuerId ?? "")}", null, cancellationToken);

    public Task<WalletApiResult> InsertClassAsync(JsonObject loyaltyClass, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "loyaltyClass", loyaltyClass, cancellationToken);

    public Task<WalletApiResult> UpdateClassAsync(string classId, JsonObject loyaltyClass, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"loyaltyClass/{Uri.EscapeDataString(classId)}", loyaltyClass, cancellationToken);

    public Task<WalletApiResult> InsertObjectAsync(JsonObject loyaltyObject, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "loyaltyObject", loyaltyObject, cancellationToken);

    public Task<WalletApiResult> UpdateObjectAsync(string objectId, JsonObject loyaltyObject, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"loyaltyObject/{Uri.EscapeDataString(objectId)}", loyaltyObject, cancellationToken);

    private async Task<WalletApiResult> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var token = await account.GetAccessTokenAsync(cancellationToken);
        await limiter.WaitAsync(cancellationToken);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return new WalletApiResult(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
