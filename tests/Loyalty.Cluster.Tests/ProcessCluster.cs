using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Loyalty.Testing;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// Two standalone silo processes and a web frontend process in pure client mode on one database of the shared test
/// PostgreSQL, with short membership timings. Disposing kills every process it started.
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    public const string AdminToken = "cluster-test-bootstrap-token-0123456789abcdef";

    public static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>Short for a fast test, yet far above any heartbeat delay a busy 2-core machine causes.</summary>
    public static readonly TimeSpan DeathTimeout = TimeSpan.FromSeconds(4);

    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Three .NET processes starting at once on a loaded machine, each migrating the database.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private const int StartAttempts = 3;

    private readonly List<ChildProcess> _processes = [];
    private readonly Dictionary<string, string> _environment;

    // One connection for the cluster view, which the waits below poll every few milliseconds.
    private HttpClient? _admin;

    private ProcessCluster(string connectionString)
    {
        ConnectionString = connectionString;
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__Loyalty"] = connectionString,
            ["Loyalty__Cluster__Secret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["Loyalty__Silo__ClusterPort"] = "0",
            ["Loyalty__Silo__AdvertisedHost"] = "127.0.0.1",
            ["Loyalty__Membership__HeartbeatPeriod"] = HeartbeatPeriod.ToString("c"),
            ["Loyalty__Membership__DeathTimeout"] = DeathTimeout.ToString("c"),
            ["Loyalty__Membership__RefreshPeriod"] = RefreshPeriod.ToString("c"),
            ["Loyalty__Demo__Seed"] = "false",
            ["Loyalty__Admin__BootstrapToken"] = AdminToken,

            // Far above what the test sends: one device enrols every card.
            ["Loyalty__Terminal__EnrollmentsPerMinute"] = "10000",
            ["Loyalty__Terminal__PairRequestsPerMinute"] = "10000",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
    }

    public string ConnectionString { get; }

    public IReadOnlyList<ChildProcess> Silos => _processes.Where(p => p.Name.StartsWith("silo", StringComparison.Ordinal)).ToList();

    public ChildProcess Client => _processes.Single(p => p.Name == "client");

    /// <summary>Starts the silos (in parallel), then the client, and waits until all answer and both silos are Active.</summary>
    public static async Task<ProcessCluster> StartAsync(params string[] siloNames)
    {
        var cluster = new ProcessCluster(await PostgresServer.CreateDatabaseAsync("procs"));
        try
        {
            // Silos first: they apply the grains' migrations, which the frontend's read models use.
            await Task.WhenAll(siloNames.Select(name => cluster.StartHealthyAsync(
                name, BuiltProcess.Silo, new Dictionary<string, string> { ["Loyalty__Runtime__SiloName"] = name })));
            await cluster.StartHealthyAsync("client", BuiltProcess.Web, new Dictionary<string, string> { ["Loyalty__Silo__Enabled"] = "false" });
            await cluster.WaitForSilosAsync(
                view => siloNames.All(name => view.StatusOf(name) == "Active"),
                $"the cluster endpoint lists {string.Join(", ", siloNames)} as Active",
                StartTimeout);
            return cluster;
        }
        catch (Exception exception)
        {
            var described = cluster.Describe();
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"The cluster did not start: {exception.Message}\n{described}", exception);
        }
    }

    public HttpClient CreateClient(string? bearerToken)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = Client.BaseAddress,

            // Above the runtime's call timeout (30 s), so a call that waits for membership ends as the server says.
            Timeout = TimeSpan.FromSeconds(45),
        };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>The silos as <c>GET /api/admin/v1/cluster</c> on the client lists them.</summary>
    public async Task<ClusterView> GetClusterViewAsync()
    {
        _admin ??= CreateClient(AdminToken);
        using var response = await _admin.GetAsync("/api/admin/v1/cluster");
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /api/admin/v1/cluster: {(int)response.StatusCode} {text}");
        }

        using var body = JsonDocument.Parse(text);
        return new ClusterView(body.RootElement.GetProperty("silos").EnumerateArray()
            .Select(s => new SiloView(s.GetProperty("name").GetString()!, s.GetProperty("status").GetString()!, s.GetProperty("activations").GetInt32()))
            .ToList());
    }

    /// <summary>Waits until the cluster endpoint answers with a view that satisfies <paramref name="condition"/>.</summary>
    public async Task<ClusterView> WaitForSilosAsync(Func<ClusterView, bool> condition, string because, TimeSpan timeout)
    {
        ClusterView? last = null;
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    try
                    {
                        last = await GetClusterViewAsync();
                    }
                    catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
                    {
                        return false;
                    }

                    return condition(last);
                },
                because,
                timeout);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message} Last view: {last?.ToString() ?? "none"}.", exception);
        }

        return last!;
    }

    /// <summary>Every process's last lines, for failure messages.</summary>
    public string Describe(int lines = 200)
    {
        var text = new StringBuilder();
        foreach (var process in _processes.ToArray())
        {
            text.AppendLine(process.Describe(lines));
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        // Client first, so it does not log the silos' deaths; every kill is attempted even if one throws.
        foreach (var process in Enumerable.Reverse(_processes.ToArray()))
        {
            await process.DisposeAsync();
        }
    }

    private async Task<ChildProcess> StartHealthyAsync(string name, string assembly, Dictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal);
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        for (var attempt = 1; ; attempt++)
        {
            var process = ChildProcess.Start(name, BuiltProcess.AssemblyPath(assembly), environment);
            lock (_processes)
            {
                _processes.Add(process);
            }

            using var probe = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var exited = false;
            await Eventually.TrueAsync(
                async () =>
                {
                    if (process.HasExited)
                    {
                        exited = true;
                        return true;
                    }

                    try
                    {
                        using var response = await probe.GetAsync("/healthz");
                        return response.StatusCode == HttpStatusCode.OK;
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                    {
                        return false;
                    }
                },
                $"{name} answers GET /healthz with 200",
                StartTimeout);
            if (!exited)
            {
                return process;
            }

            // The free port we picked may have been taken before the process bound it: that alone is worth a retry.
            var output = process.Describe();
            if (attempt < StartAttempts && output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            throw new InvalidOperationException($"{name} exited before it was healthy.");
        }
    }
}

internal sealed record SiloView(string Name, string Status, int Activations);

internal sealed record ClusterView(IReadOnlyList<SiloView> Silos)
{
    public string? StatusOf(string name) => Silos.FirstOrDefault(s => s.Name == name)?.Status;

    public override string ToString() => string.Join(", ", Silos.Select(s => $"{s.Name} {s.Status} ({s.Activations} activations)"));
}
