using Loyalty.Wallet.Api;
using Loyalty.Wallet.Check;
using Loyalty.Wallet.Rate;
using Loyalty.Wallet.Resync;
using Loyalty.Wallet.Tests.Fakes;
using Loyalty.Wallet.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Tests.Check;

/// <summary>The admin wallet check against the fake: all well, then each thing that can be wrong, said plainly.</summary>
[Collection(WalletClusterCollection.Name)]
public sealed class GoogleWalletCheckTests(WalletCluster cluster)
{
    [Fact]
    public async Task RunAsync_EverythingConfigured_AllStepsPass()
    {
        var check = WalletCluster.On<GoogleWalletCheck>(cluster.Silos[0]);

        var report = await cluster.PumpAsync(check.RunAsync(CancellationToken.None));

        Assert.Equal(
            [(WalletCheckStep.Configuration, WalletCheckProblem.None), (WalletCheckStep.Token, WalletCheckProblem.None), (WalletCheckStep.Issuer, WalletCheckProblem.None),
                (WalletCheckStep.Logo, WalletCheckProblem.None), (WalletCheckStep.Resync, WalletCheckProblem.None)],
            report.Steps.Select(s => (s.Step, s.Problem)));
        Assert.Equal(TestServiceAccount.Email, report.Steps[1].Detail);
        Assert.Equal("image/png", report.Steps[3].Detail);
        Assert.True(report.Ok);
    }

    [Fact]
    public async Task RunAsync_WrongIssuerAndLogoNotAnImage_SaysSo()
    {
        cluster.Google.LogoContentType = "text/html";
        try
        {
            var report = await cluster.PumpAsync(Check(o => o.IssuerId = "3388000000099999999").RunAsync(CancellationToken.None));

            Assert.Equal(WalletCheckProblem.IssuerNotFound, report.Steps.Single(s => s.Step == WalletCheckStep.Issuer).Problem);
            var logo = report.Steps.Single(s => s.Step == WalletCheckStep.Logo);
            Assert.Equal((WalletCheckProblem.LogoNotImage, "text/html"), (logo.Problem, logo.Detail));
            Assert.False(report.Ok);
        }
        finally
        {
            cluster.Google.LogoContentType = "image/png";
        }
    }

    [Fact]
    public async Task RunAsync_KeyFileMissing_SaysTheKeyIsUnusableAndSkipsTheIssuer()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-key-{Guid.NewGuid():N}.json");

        var report = await cluster.PumpAsync(Check(o => o.ServiceAccountKeyFile = missing).RunAsync(CancellationToken.None));

        var token = report.Steps.Single(s => s.Step == WalletCheckStep.Token);
        Assert.Equal(WalletCheckProblem.KeyUnusable, token.Problem);
        Assert.Equal($"The service-account key file {missing} cannot be read: FileNotFoundException.", token.Detail);
        Assert.Equal(WalletCheckProblem.Skipped, report.Steps.Single(s => s.Step == WalletCheckStep.Issuer).Problem);
    }

    [Fact]
    public async Task RunAsync_LogoMissing_GivesItsStatus()
    {
        var report = await cluster.PumpAsync(Check(o => o.LogoUrl = new Uri(cluster.Google.BaseAddress, "missing.png")).RunAsync(CancellationToken.None));

        var logo = report.Steps.Single(s => s.Step == WalletCheckStep.Logo);
        Assert.Equal((WalletCheckProblem.LogoStatus, "HTTP 404 NotFound"), (logo.Problem, logo.Detail));
    }

    [Fact]
    public void Options_NothingSet_WalletIsOff()
    {
        var options = new GoogleWalletOptions();

        Assert.False(options.Enabled);
        Assert.Null(options.Problem());
        Assert.Null(options.LimitProblem());
        Assert.Equal(20, options.RequestsPerSecond);
    }

    [Fact]
    public void Options_KeyWithoutIssuer_IsAProblem()
    {
        var options = new GoogleWalletOptions { ServiceAccountKeyFile = "/etc/loyalty/key.json" };

        Assert.Equal("Loyalty:Wallet:Google:IssuerId must be the issuer's number (digits only) when a key file is set.", options.Problem());
    }

    /// <summary>A check whose settings differ from the cluster's by <paramref name="change"/>.</summary>
    private GoogleWalletCheck Check(Action<GoogleWalletOptions> change)
    {
        var services = cluster.Silos[0].ServiceProvider;
        var settings = services.GetRequiredService<IOptions<GoogleWalletOptions>>().Value;
        var copy = new GoogleWalletOptions
        {
            IssuerId = settings.IssuerId,
            ServiceAccountKeyFile = settings.ServiceAccountKeyFile,
            LogoUrl = settings.LogoUrl,
            ApiBaseUrl = settings.ApiBaseUrl,
            TokenEndpoint = settings.TokenEndpoint,
        };
        change(copy);
        var options = Options.Create(copy);
        var account = new GoogleServiceAccount(options, cluster.Time);
        var http = new HttpClient { BaseAddress = copy.ApiBaseUrl };
        var api = new GoogleWalletApi(http, account, services.GetRequiredService<GoogleWalletRateLimiter>(), options);
        return new GoogleWalletCheck(options, account, api, services.GetRequiredService<IHttpClientFactory>(), services.GetRequiredService<PassStore>());
    }
}
