using System.Net.Http.Headers;
using System.Text;
using Loyalty.Web.AppleWallet;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.AppleWallet;

/// <summary>Calls the PassKit web service as a device does, with <c>Authorization: ApplePass &lt;token&gt;</c>.</summary>
internal sealed class PassKitClient(TerminalApp app)
{
    public const string Api = AppleWalletEndpoints.BasePath;

    public static string Registration(string device, string serial, string passType = TestPassCertificates.PassTypeIdentifier) =>
        $"{Api}/devices/{device}/registrations/{passType}/{serial}";

    public static string Changed(string device, string? tag = null, string passType = TestPassCertificates.PassTypeIdentifier) =>
        $"{Api}/devices/{device}/registrations/{passType}" + (tag is null ? "" : $"?passesUpdatedSince={tag}");

    public static string Pass(string serial, string passType = TestPassCertificates.PassTypeIdentifier) => $"{Api}/passes/{passType}/{serial}";

    public Task<string> TokenAsync(string serial) => app.App.Services.GetRequiredService<ApplePassTokens>().TokenAsync(serial, CancellationToken.None);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? authorization, string? json = null, DateTimeOffset? ifModifiedSince = null)
    {
        using var client = app.App.CreateClient(bearerToken: null);
        using var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (ifModifiedSince is { } since)
            request.Headers.IfModifiedSince = since;
        return await client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> RegisterAsync(string device, string serial, string? token, string pushToken = "a1b2c3d4e5f60718293a4b5c6d7e8f90") =>
        await SendAsync(HttpMethod.Post, Registration(device, serial), Header(token), $$"""{"pushToken":"{{pushToken}}"}""");

    public static string? Header(string? token) => token is null ? null : $"ApplePass {token}";

    public static MediaTypeHeaderValue? TypeOf(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
