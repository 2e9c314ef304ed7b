using System.Net;
using Loyalty.Wallet.Api;
using Loyalty.Wallet.Resync;
using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Check;

/// <summary>
/// The platform admin's wallet check: obtains a token with the service account, reads the issuer (GET issuer/{id}),
/// fetches the logo (200 and an image type), and lists the passes whose resync is failing. A step that cannot run
/// because an earlier one failed says so (Skipped) rather than repeating the earlier failure.
/// </summary>
public sealed class GoogleWalletCheck(
    IOptions<GoogleWalletOptions> options,
    GoogleServiceAccount account,
    GoogleWalletApi api,
    IHttpClientFactory clients,
    PassStore passes)
{
    /// <summary>The named client that fetches the logo (no Wallet token, no rate permit: it is not Google's API).</summary>
    public const string LogoClient = "google-wallet-logo";

    public const int FailingShown = 50;

    public async Task<WalletCheckReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var failingCount = await passes.CountFailingAsync(cancellationToken);
        var failing = await passes.ListFailingAsync(FailingShown, cancellationToken);
        var resync = failingCount == 0
            ? new WalletCheckResult(WalletCheckStep.Resync, WalletCheckProblem.None)
            : new WalletCheckResult(WalletCheckStep.Resync, WalletCheckProblem.PassesFailing, failingCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!settings.Enabled)
        {
            return new WalletCheckReport(null, [new(WalletCheckStep.Configuration, WalletCheckProblem.NotConfigured)], failingCount, failing);
        }

        List<WalletCheckResult> steps = [];
        if ((settings.Problem() ?? settings.LimitProblem()) is { } problem)
        {
            steps.Add(new(WalletCheckStep.Configuration, WalletCheckProblem.InvalidSettings, problem));
            return new WalletCheckReport(settings.IssuerId, steps, failingCount, failing);
        }

        steps.Add(new(WalletCheckStep.Configuration, WalletCheckProblem.None));
        var token = await TokenAsync(cancellationToken);
        steps.Add(token);
        steps.Add(token.Ok ? await IssuerAsync(cancellationToken) : new(WalletCheckStep.Issuer, WalletCheckProblem.Skipped));
        steps.Add(await LogoAsync(settings.LogoUrl!, cancellationToken));
        steps.Add(resync);
        return new WalletCheckReport(settings.IssuerId, steps, failingCount, failing);
    }

    private async Task<WalletCheckResult> TokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            await account.GetAccessTokenAsync(cancellationToken);
            return new(WalletCheckStep.Token, WalletCheckProblem.None, account.ClientEmail);
        }
        catch (GoogleWalletConfigurationException exception) when (exception.InnerException is Google.Apis.Auth.OAuth2.Responses.TokenResponseException or HttpRequestException)
        {
            return new(WalletCheckStep.Token, WalletCheckProblem.TokenRefused, exception.Message);
        }
        catch (GoogleWalletConfigurationException exception)
        {
            return new(WalletCheckStep.Token, WalletCheckProblem.KeyUnusable, exception.Message);
        }
    }

    private async Task<WalletCheckResult> IssuerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await api.GetIssuerAsync(cancellationToken);
            return result.Status switch
            {
                _ when result.Succeeded => new(WalletCheckStep.Issuer, WalletCheckProblem.None),
                HttpStatusCode.NotFound => new(WalletCheckStep.Issuer, WalletCheckProblem.IssuerNotFound, result.Describe()),
                HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => new(WalletCheckStep.Issuer, WalletCheckProblem.IssuerForbidden, result.Describe()),
                _ => new(WalletCheckStep.Issuer, WalletCheckProblem.IssuerFailed, result.Describe()),
            };
        }
        catch (HttpRequestException exception)
        {
            return new(WalletCheckStep.Issuer, WalletCheckProblem.IssuerFailed, exception.Message);
        }
    }

    private async Task<WalletCheckResult> LogoAsync(Uri logo, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(LogoClient).GetAsync(logo, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new(WalletCheckStep.Logo, WalletCheckProblem.LogoStatus, $"HTTP {(int)response.StatusCode} {response.StatusCode}");
            }

            var type = response.Content.Headers.ContentType?.MediaType;
            return type is not null && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                ? new(WalletCheckStep.Logo, WalletCheckProblem.None, type)
                : new(WalletCheckStep.Logo, WalletCheckProblem.LogoNotImage, type ?? "(none)");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new(WalletCheckStep.Logo, WalletCheckProblem.LogoUnreachable, exception.Message);
        }
    }
}
