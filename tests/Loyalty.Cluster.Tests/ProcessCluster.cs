using System.Net;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Loyalty.Testing;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// Standalone silo processes and a web frontend process in pure client mode (an Orleans client) on one database of the
/// shared test PostgreSQL and one cluster id, with short membership probes; more clients on demand. Disposing kills
/// every process it started.
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    public const string AdminToken = "cluster-test-bootstrap-token-0123456789abcdef";

    /// <summary>
    /// The period between liveness probes (Orleans' initial probe timeout, 5 s by default). Short for a fast test, yet
    /// far above any probe delay a busy 2-core machine causes; Orleans adapts it to observed probe times.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes after which a silo votes its peer dead (Orleans' default).</summary>
    public const int MissedProbesLimit = 3;

    /// <summary>
    /// How long after a crash the survivor should declare the dead silo: its missed probes (at most the maximum probe
    /// timeout, 4 × the initial one, each) and the vote written to the membership table.
    /// </summary>
    public static readonly TimeSpan DeathTimeout = (4 * ProbeTimeout * MissedProbesLimit) + TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an Orleans call waits for its answer (30 s by default). A call the client had sent through the killed
    /// silo's gateway is answered by nothing (Orleans' client does not fail it when the gateway goes), so it ends as a
    /// 503 only after this; far above any call's time on a busy 2-core machine, short enough for a fast test.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Three .NET processes starting at once on a loaded machine (CI runs the other test assemblies meanwhile), each
    /// migrating the database: 10–45 s seen on 2 cores.
    /// </summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

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

            // The database is this test's alone; a cluster id of its own all the same, as a deployment would have.
            ["Loyalty__Cluster__Id"] = $"procs-{Guid.NewGuid():N}",

            // Free ports, recorded in the membership table; the advertised host is left to its default, loopback,
            // so nothing listens beyond this machine.
            ["Loyalty__Silo__SiloPort"] = "0",
            ["Loyalty__Silo__GatewayPort"] = "0",
            ["Loyalty__Membership__ProbeTimeout"] = ProbeTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Loyalty__Membership__NumMissedProbesLimit"] = MissedProbesLimit.ToString(CultureInfo.InvariantCulture),

            // The survivor reads the table (and so the cluster endpoint's view) often; heartbeats often enough for it.
            ["Loyalty__Membership__TableRefreshTimeout"] = "00:00:02",
            ["Loyalty__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
            ["Loyalty__Messaging__ResponseTimeout"] = ResponseTimeout.ToString("c", CultureInfo.InvariantCulture),
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

    /// <summary>The silo processes, the latest start attempt of each name.</summary>
    public IReadOnlyList<ChildProcess> Silos
    {
        get
        {
            lock (_processes)
            {
                return _processes.Where(p => p.Name.StartsWith("silo", StringComparison.Ordinal))
                    .GroupBy(p => p.Name, StringComparer.Ordinal)
                    .Select(g => g.Last())
                    .ToList();
            }
        }
    }

    public ChildProcess Client
    {
        get
        {
            lock (_processes)
            {
                return _processes.Last(p => p.Name == "client");
            }
        }
    }

    /// <summary>Starts the silos (in parallel), then the client, and waits until all answer and every silo is Active.</summary>
    public static Task<ProcessCluster> StartAsync(params string[] siloNames) =>
        StartAsync(new Dictionary<string, string>(StringComparer.Ordinal), siloNames);

    /// <summary>
    /// As <see cref="StartAsync(string[])"/>, with <paramref name="environment"/> (settings such as the cluster's TLS
    /// certificate) given to every process of the cluster, and to the clients <see cref="StartClient"/> starts unless
    /// they override it.
    /// </summary>
    public static async Task<ProcessCluster> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] siloNames)
    {
        var cluster = new ProcessCluster(await PostgresServer.CreateDatabaseAsync("procs"));
        foreach (var (key, value) in environment)
        {
            cluster._environment[key] = value;
        }

        try
        {
            // Silos first: they apply the grains' migrations, which the frontend's read models use. Orleans:Name is
            // Orleans' own setting (SiloOptions.SiloName): the name the cluster endpoint lists each silo by.
            await Task.WhenAll(siloNames.Select(name => cluster.StartHealthyAsync(
                name, BuiltProcess.Silo, new Dictionary<string, string> { ["Orleans__Name"] = name })));
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

    /// <summary>
    /// Starts one more web frontend in pure client mode on this cluster's database and cluster id, with
    /// <paramref name="overrides"/> on top of the cluster's settings (a <see langword="null"/> value removes one), and
    /// returns at once: whether it becomes healthy is the caller's to see.
    /// </summary>
    public ChildProcess StartClient(string name, IReadOnlyDictionary<string, string?> overrides)
    {
        var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal) { ["Loyalty__Silo__Enabled"] = "false" };
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                environment.Remove(key);
            }
            else
            {
                environment[key] = value;
            }
        }

        var process = ChildProcess.Start(name, BuiltProcess.AssemblyPath(BuiltProcess.Web), environment);
        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }

    public HttpClient CreateClient(string? bearerToken) => CreateClient(Client, bearerToken);

    /// <summary>An HTTP client for <paramref name="process"/> (by default the cluster's client).</summary>
    public static HttpClient CreateClient(ChildProcess process, string? bearerToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = process.BaseAddress,

            // Above the response timeout, so a call lost with the killed silo ends as the server says (503).
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
            .Select(s => new SiloView(
                s.GetProperty("name").GetString()!,
                s.GetProperty("status").GetString()!,
                s.GetProperty("activations").GetInt32(),
                s.GetProperty("generation").GetInt32()))
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

internal sealed record SiloView(string Name, string Status, int Activations, int Generation);

internal sealed record ClusterView(IReadOnlyList<SiloView> Silos)
{
    /// <summary>The status of the named silo's latest generation (an earlier start attempt may have left a row).</summary>
    public string? StatusOf(string name) => Silos.Where(s => s.Name == name).MaxBy(s => s.Generation)?.Status;

    public override string ToString() => string.Join(", ", Silos.Select(s => $"{s.Name} {s.Status} ({s.Activations} activations)"));
}
