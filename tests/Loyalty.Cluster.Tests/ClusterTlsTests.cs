using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Loyalty.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// The optional TLS between silos and clients (<c>Loyalty:Cluster:Tls</c>) across real processes: a <c>silo</c> and a
/// frontend in pure client mode sharing a self-signed certificate work together; frontends on the same database and
/// cluster id without TLS, or with another certificate, find the silo's gateway and are turned away at the handshake.
/// </summary>
[Collection(ProcessTestCollection.Name)]
public sealed class ClusterTlsTests(ITestOutputHelper output)
{
    private const string CertificatePathKey = "Loyalty__Cluster__Tls__CertificatePath";
    private const string CertificatePasswordKey = "Loyalty__Cluster__Tls__CertificatePassword";

    /// <summary>
    /// Connection attempts each turned-away client must have made (and had refused) while its <c>/healthz</c> never
    /// answered 200: Orleans retries with a growing back-off (1.5 s, 3 s, ...), so three take about 5 s.
    /// </summary>
    private const int RefusedAttempts = 3;

    /// <summary>Generous deadlines for waits on a loaded 2-core machine; none of them is asserted as a timing.</summary>
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SiloAndClientSharingTheCertificate_ServeTheApi_ClientsWithoutItAreTurnedAwayAtTheHandshake()
    {
        var started = Stopwatch.StartNew();
        using var directory = TemporaryDirectory.Create("loyalty-cluster-tls-");
        var password = $"pfx-{Guid.NewGuid():N}";
        var certificate = WriteSelfSignedCertificate(Path.Combine(directory.Path, "cluster.pfx"), password);

        // Same subject, key type and extensions as the cluster's: only the key (so the thumbprint) differs.
        var otherPassword = $"pfx-{Guid.NewGuid():N}";
        var otherCertificate = WriteSelfSignedCertificate(Path.Combine(directory.Path, "other.pfx"), otherPassword);

        await using var cluster = await ProcessCluster.StartAsync(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [CertificatePathKey] = certificate,
                [CertificatePasswordKey] = password,

                // Orleans at Information (the processes' default is Warning), so the silo logs its configuration at
                // start: the password must not be in it either. Same sink and template as the default logging.
                ["Serilog__MinimumLevel__Override__Orleans"] = "Information",
                ["Serilog__WriteTo__0__Name"] = "Console",
                ["Serilog__WriteTo__0__Args__outputTemplate"] = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
            },
            "silo-a");
        output.WriteLine($"{Seconds(started.Elapsed)} silo-a and the TLS client healthy");
        try
        {
            await RunScenarioAsync(cluster, started, otherCertificate, otherPassword, [password, otherPassword]);
        }
        catch (Exception exception)
        {
            var dump = Path.Combine(Path.GetTempPath(), $"loyalty-cluster-tls-test-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            await File.WriteAllTextAsync(dump, cluster.Describe(int.MaxValue));
            throw new Exception($"{exception.Message}\n\nEvery process's full output: {dump}\nProcess output (last lines of each):\n{cluster.Describe()}", exception);
        }
    }

    private async Task RunScenarioAsync(
        ProcessCluster cluster, Stopwatch started, string otherCertificate, string otherPassword, IReadOnlyList<string> passwords)
    {
        var silo = cluster.Silos.Single();

        // Started first, so their start-up overlaps the TLS client's work below.
        var plain = cluster.StartClient("client-plain", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CertificatePathKey] = null,
            [CertificatePasswordKey] = null,
        });
        var foreign = cluster.StartClient("client-other-cert", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CertificatePathKey] = otherCertificate,
            [CertificatePasswordKey] = otherPassword,
        });

        // The TLS client reaches the cluster: the admin API sets up a merchant, store, program, PIN and device, the
        // terminal API enrols a card and stamps it (each a grain call through the silo's gateway).
        var terminal = await StampTerminal.SetUpAsync(cluster);
        using var device = cluster.CreateClient(terminal.DeviceToken);
        var card = (await terminal.EnrollAsync(device, 1)).Single();
        await StampAsync(device, terminal, card, expectedStamps: 1);
        output.WriteLine($"{Seconds(started.Elapsed)} card {card} enrolled and stamped through the TLS client");

        // The others find silo-a's gateway in the membership table (same database, same cluster id) and are refused.
        var gateway = await GatewayOfAsync(cluster.ConnectionString, silo.Name);
        await Task.WhenAll(
            AssertTurnedAwayAsync(plain, gateway),
            AssertTurnedAwayAsync(foreign, gateway));
        output.WriteLine($"{Seconds(started.Elapsed)} {plain.Name} and {foreign.Name} refused {RefusedAttempts} times each by {gateway}");

        // The silo saw both: bytes that are no TLS at all, and a TLS client whose certificate is not the cluster's.
        var siloLines = silo.Lines;
        Assert.Contains(siloLines, l => l.Contains("Cannot determine the frame size or a corrupted frame was received", StringComparison.Ordinal));
        Assert.Contains(siloLines, l => l.Contains("The remote certificate was rejected by the provided RemoteCertificateValidationCallback", StringComparison.Ordinal));

        // And the other-certificate client refused the silo's certificate in turn (mutual pinning).
        Assert.Contains(foreign.Lines, l => l.Contains("TlsClientConnectionMiddleware: Authentication failed", StringComparison.Ordinal));

        // Meanwhile the TLS client kept working, and never had a handshake fail.
        await StampAsync(device, terminal, card, expectedStamps: 2);
        var view = await cluster.GetClusterViewAsync();
        Assert.Equal("Active", view.StatusOf(silo.Name));
        Assert.DoesNotContain(cluster.Client.Lines, l => l.Contains("Authentication failed", StringComparison.Ordinal));
        output.WriteLine($"{Seconds(started.Elapsed)} card {card} stamped again through the TLS client; cluster: {view}");

        // No process printed a certificate password, though the silo logged Orleans' configuration at Information.
        var configuration = siloLines.FirstOrDefault(l => l.Contains("Configuration Orleans.Configuration.ClusterOptions", StringComparison.Ordinal));
        Assert.True(configuration is not null, "the silo logged Orleans' configuration");
        output.WriteLine($"{silo.Name} logged {siloLines.Count} lines, among them: {configuration}");
        foreach (var process in new[] { silo, cluster.Client, plain, foreign })
        {
            var lines = process.Lines;
            foreach (var secret in passwords)
            {
                Assert.False(
                    lines.Any(l => l.Contains(secret, StringComparison.Ordinal)),
                    $"{process.Name}'s log ({lines.Count} lines) prints a certificate password");
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="process"/> has had <see cref="RefusedAttempts"/> connection attempts to the gateway
    /// refused, checking all along that it is still running (retrying) and that its <c>/healthz</c> never answers 200
    /// (it does not listen at all: the frontend starts serving only once its Orleans client has connected).
    /// </summary>
    private async Task AssertTurnedAwayAsync(ChildProcess process, string gateway)
    {
        using var probe = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var failure = $"Connection attempt to endpoint {gateway} failed";
        var health = "no answer";
        await Eventually.TrueAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"{process.Name} exited ({(process.HasExited ? process.ExitCode : 0)}) instead of retrying");
                try
                {
                    using var response = await probe.GetAsync("/healthz");
                    health = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    Assert.True(response.StatusCode != HttpStatusCode.OK, $"{process.Name} reached the cluster: GET /healthz {health}");
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // Not listening (yet): not reached the cluster.
                }

                return process.Lines.Count(l => l.Contains(failure, StringComparison.Ordinal)) >= RefusedAttempts;
            },
            $"{process.Name} has had {RefusedAttempts} connection attempts to {gateway} refused",
            WaitTimeout);
        output.WriteLine($"{process.Name}: /healthz {health}");
    }

    private static async Task StampAsync(HttpClient device, StampTerminal terminal, string card, int expectedStamps)
    {
        var stamp = await StampTerminal.PostAsync(
            device,
            $"{StampTerminal.TerminalApi}/cards/{card}/stamps",
            new { count = 1, pinId = terminal.PinId, idempotencyKey = $"tls-stamp-{expectedStamps}" },
            HttpStatusCode.OK);
        Assert.Equal(expectedStamps, stamp.GetProperty("stamps").GetInt32());
        var body = await StampTerminal.GetAsync(device, $"{StampTerminal.TerminalApi}/cards/{card}");
        Assert.Equal(expectedStamps, body.GetProperty("stamps").GetInt32());
    }

    /// <summary>The silo's gateway as Orleans names it in its logs (<c>S&lt;address&gt;:&lt;proxy port&gt;:0</c>).</summary>
    private static async Task<string> GatewayOfAsync(string connectionString, string siloName)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select Address, ProxyPort from OrleansMembershipTable where SiloName = @name and Status = 3", connection);
        command.Parameters.AddWithValue("name", siloName);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"{siloName} is Active in the membership table");
        var gateway = string.Create(CultureInfo.InvariantCulture, $"S{reader.GetString(0)}:{reader.GetInt32(1)}:0");
        Assert.False(await reader.ReadAsync(), $"one Active row for {siloName}");
        return gateway;
    }

    /// <summary>
    /// A self-signed certificate as a deployment would make for its cluster (RSA 2048, for TLS servers and clients),
    /// written as PKCS#12 with its private key under <paramref name="password"/>; returns the path.
    /// </summary>
    private static string WriteSelfSignedCertificate(string path, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=loyalty-cluster", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication"), new Oid("1.3.6.1.5.5.7.3.2", "Client Authentication")],
            critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        File.WriteAllBytes(path, certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        return path;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);
}
