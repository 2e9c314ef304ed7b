using System.Security.Cryptography.X509Certificates;
using Loyalty.Database;
using Loyalty.Email.Hosting;
using Loyalty.Grains.Customers;
using Loyalty.Grains.Demo;
using Loyalty.Grains.Hosting;
using Loyalty.Silo.Storage;
using Loyalty.Wallet.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Loyalty.Silo.Hosting;

/// <summary>
/// The one way a process hosts a silo or a client: the standalone silo, the web frontend and the tests call these, so
/// clustering, storage, reminders, the schema and the cluster's settings are written once.
/// </summary>
public static class SiloHostingExtensions
{
    /// <summary>Orleans' <see cref="ClusterMembershipOptions"/> for a silo (how fast a crashed silo is declared dead).</summary>
    public const string MembershipSection = "Loyalty:Membership";

    /// <summary>Orleans' messaging options of a silo or client (<c>ResponseTimeout</c>: how long a call waits for its answer).</summary>
    public const string MessagingSection = "Loyalty:Messaging";

    /// <summary>
    /// Adds the database (the configured one, or an embedded server, migrated before Orleans starts), an Orleans silo with
    /// PostgreSQL clustering, grain storage and reminders, this deployment's grains, the dashboard's telemetry, demo
    /// seeding, the e-mail dispatcher, Google Wallet resync, and the health checks behind <c>/healthz</c> (database reachable, silo Active).
    /// </summary>
    public static IHostApplicationBuilder AddLoyaltySilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddLoyaltyDatabase(configuration);
        builder.Services.AddLoyaltyGrains(configuration);
        builder.Services.AddLoyaltyCustomerLinks(configuration);

        // After the grains' module: the e-mail schema extends the application's outbox.
        builder.Services.AddLoyaltyEmailDispatcher(configuration);
        builder.Services.AddLoyaltyGoogleWalletResync(configuration);
        var silo = Bind<SiloOptions>(configuration, SiloOptions.SectionName);
        var cluster = Bind<ClusterSettings>(configuration, ClusterSettings.SectionName);
        builder.UseOrleans(orleans =>
        {
            ConfigureCluster(orleans.Services, cluster);
            var address = ClusterEndpoints.AdvertisedAddress(silo);
            orleans.ConfigureEndpoints(
                address,
                ClusterEndpoints.Port(silo.SiloPort, address),
                ClusterEndpoints.Port(silo.GatewayPort, address),
                listenOnAnyHostAddress: !string.IsNullOrWhiteSpace(silo.AdvertisedHost));
            orleans.UseLoyaltyDatabaseClustering();
            orleans.AddLoyaltyStorage();
            orleans.Configure<GrainCollectionOptions>(configuration.GetSection("Loyalty:Grains"));

            // Failure detection (ProbeTimeout, NumMissedProbesLimit, IAmAliveTablePublishTimeout, ...) and the call
            // timeout (ResponseTimeout): Orleans' defaults unless set; the multi-process tests shorten them.
            orleans.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
            orleans.Configure<SiloMessagingOptions>(configuration.GetSection(MessagingSection));
            orleans.AddDashboard();
            if (cluster.Tls.Enabled)
            {
                orleans.UseTls(LoadCertificate(cluster.Tls), tls => ClusterTls.Configure(tls));
            }

            configure?.Invoke(orleans);
        });

        // Registered after the silo, so the silo is Active when seeding calls grains.
        builder.Services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoSeeder>());
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SiloHealthCheck>("silo");
        return builder;
    }

    /// <summary>
    /// The silo's grain storage and reminders in PostgreSQL, with the application's services and schema: what every silo
    /// has, whatever its clustering (the tests' in-process clusters keep their in-memory membership and add this).
    /// Needs <see cref="DatabaseServiceCollectionExtensions.AddLoyaltyDatabase"/> on the host.
    /// </summary>
    public static ISiloBuilder AddLoyaltyStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddLoyaltyDatabaseGrainStorageAsDefault();
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            .Configure(options => options.GrainStorageSerializer = new JsonGrainStateSerializer());
        silo.UseLoyaltyDatabaseReminders();
        return silo;
    }

    /// <summary>
    /// Adds what a process needs to use grains it does not host (the web frontend with <c>Loyalty:Silo:Enabled=false</c>):
    /// the database (read models), an Orleans client that finds the silos' gateways in PostgreSQL, the dashboard's client
    /// side, and the health checks behind <c>/healthz</c> (database reachable, at least one silo Active).
    /// </summary>
    public static IHostApplicationBuilder AddLoyaltyClient(this IHostApplicationBuilder builder, Action<IClientBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddLoyaltyDatabase(configuration);
        builder.Services.AddLoyaltyCustomerLinks(configuration);

        // E-mail administration (settings, templates, log) without the dispatcher: silos send.
        builder.Services.AddLoyaltyEmail(configuration);
        builder.Services.AddLoyaltyGoogleWallet(configuration);
        var cluster = Bind<ClusterSettings>(configuration, ClusterSettings.SectionName);
        builder.UseOrleansClient(client =>
        {
            ConfigureCluster(client.Services, cluster);
            client.UseLoyaltyDatabaseClustering();

            // A call that went to a gateway which then crashed is answered by nothing: it fails after ResponseTimeout.
            client.Configure<ClientMessagingOptions>(configuration.GetSection(MessagingSection));
            client.AddDashboard();
            if (cluster.Tls.Enabled)
            {
                client.UseTls(LoadCertificate(cluster.Tls), tls => ClusterTls.Configure(tls));
            }

            configure?.Invoke(client);
        });
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ClusterHealthCheck>("cluster");
        return builder;
    }

    private static void ConfigureCluster(IServiceCollection services, ClusterSettings cluster) =>
        services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.Id;
            options.ServiceId = cluster.Id;
        });

    private static X509Certificate2 LoadCertificate(ClusterTlsSettings tls) =>
        X509CertificateLoader.LoadPkcs12FromFile(tls.CertificatePath!, tls.CertificatePassword);

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
