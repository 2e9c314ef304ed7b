using Loyalty.Grains.Customers;
using Loyalty.Testing;
using Loyalty.Wallet.Api;
using Loyalty.Wallet.Hosting;
using Loyalty.Wallet.Rate;
using Loyalty.Wallet.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Loyalty.Wallet.Tests.Fixtures;

/// <summary>
/// Silos on the manual clock with Google Wallet configured against a <see cref="FakeGoogleWallet"/> (token endpoint,
/// API and logo), a service account made for the run, retries after 10 minutes doubling to 80 (far longer than
/// the real seconds the reminder service's running clock drifts ahead during a test), and a one-minute reminder.
/// </summary>
public class WalletCluster : LoyaltyTestCluster, IAsyncLifetime
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    public WalletCluster()
        : this(2, "wallet", Start())
    {
    }

    protected WalletCluster(short silos, string prefix, (TestServiceAccount Account, FakeGoogleWallet Fake) google)
        : base(Options(silos, prefix, google.Account, google.Fake))
    {
        Account = google.Account;
        Google = google.Fake;
        Google.Clock = () => Time.GetUtcNow();
    }

    public TestServiceAccount Account { get; }

    public FakeGoogleWallet Google { get; }

    /// <summary>Callers waiting for a rate permit, on every live silo.</summary>
    public int WaitingForPermits => Silos.Sum(s => s.ServiceProvider.GetRequiredService<GoogleWalletRateLimiter>().Waiting);

    public static T On<T>(InProcessSiloHandle silo)
        where T : notnull => silo.ServiceProvider.GetRequiredService<T>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();

        // The rate grain's first activation starts its slots a second ahead (ADR 0033); let that second pass now, so
        // that tests meet a warm budget.
        var first = await Grains.GetGrain<IGoogleWalletRateGrain>(0).AcquireAsync();
        Assert.Equal((true, Time.GetUtcNow() + GoogleWalletRateGrain.Horizon), (first.Granted, first.At));
        Time.Advance(GoogleWalletRateGrain.Horizon + TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Waits for <paramref name="condition"/>, moving the manual clock 50 ms whenever a caller waits for a rate permit
    /// (Wallet requests are spaced 50 ms apart on the clock, and the clock moves only by hand).
    /// </summary>
    public Task UntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(
            async () =>
            {
                if (await condition())
                {
                    return true;
                }

                if (WaitingForPermits > 0)
                {
                    Time.Advance(Step);
                }

                return false;
            },
            because,
            timeout ?? TimeSpan.FromSeconds(60));

    public Task UntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), because, timeout);

    /// <summary>Awaits <paramref name="task"/>, moving the clock for the rate permits it waits for.</summary>
    public async Task<T> PumpAsync<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        await UntilAsync(() => task.IsCompleted, "the call completes");
        return await task;
    }

    protected static (TestServiceAccount, FakeGoogleWallet) Start()
    {
        var account = TestServiceAccount.Create();
        return (account, FakeGoogleWallet.StartAsync(account).GetAwaiter().GetResult());
    }

    private static LoyaltyTestClusterOptions Options(short silos, string prefix, TestServiceAccount account, FakeGoogleWallet fake) => new()
    {
        Silos = silos,
        DatabasePrefix = prefix,
        ManualClock = true,
        FastFailureDetection = true,
        ResponseTimeout = TimeSpan.FromSeconds(10),
        ConfigureSiloHost = host =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Loyalty:PublicBaseUrl"] = "https://loyalty.test/",
                ["Loyalty:Wallet:Google:IssuerId"] = FakeGoogleWallet.IssuerId,
                ["Loyalty:Wallet:Google:ServiceAccountKeyFile"] = account.KeyFile,
                ["Loyalty:Wallet:Google:LogoUrl"] = fake.LogoUrl.AbsoluteUri,
                ["Loyalty:Wallet:Google:ApiBaseUrl"] = fake.ApiBaseUrl.AbsoluteUri,
                ["Loyalty:Wallet:Google:TokenEndpoint"] = fake.TokenEndpoint.AbsoluteUri,
                ["Loyalty:Wallet:Google:Origins:0"] = "https://loyalty.test",
                ["Loyalty:Wallet:Google:FirstRetryDelay"] = FirstRetryDelay.ToString(),
                ["Loyalty:Wallet:Google:MaxRetryDelay"] = TimeSpan.FromMinutes(80).ToString(),
                ["Loyalty:Wallet:Google:ReminderPeriod"] = ReminderPeriod.ToString(),
            });
            host.Services.AddLoyaltyCustomerLinks(host.Configuration);
            host.Services.AddLoyaltyGoogleWalletResync(host.Configuration);
            host.Services.AddTransient(provider => new SiloTagHandler(provider.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToString()));
            host.Services.AddHttpClient<GoogleWalletApi>().AddHttpMessageHandler<SiloTagHandler>();
        },
    };

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Google.DisposeAsync();
        Account.Dispose();
    }
}
