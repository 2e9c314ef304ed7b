extern alias silo;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Testing;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;
using Loyalty.Web.Tests.TestGrains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using silo::Loyalty.Silo.Hosting;

namespace Loyalty.Web.Tests.Admin;

public sealed class ClusterEndpointsTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task GetCluster_PlatformAdmin_ListsTheSiloWithActivationsPerGrainType()
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        foreach (var key in new[] { "a", "b", "c" })
        {
            Assert.Equal(key, await grains.GetGrain<IEchoGrain>($"cluster-{key}").EchoAsync(key));
        }

        using var client = app.CreateClient(WebApp.BootstrapToken);
        var response = await client.GetAsync("/api/admin/v1/cluster");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var silo = Assert.Single(body.RootElement.GetProperty("silos").EnumerateArray());
        var local = app.Services.GetRequiredService<ILocalSiloDetails>();
        await AssertSiloAsync(app, silo, local, "Active");
        Assert.Equal(3, silo.GetProperty("activationsByGrainType").GetProperty("EchoGrain").GetInt32());
        Assert.Equal(silo.GetProperty("activations").GetInt32(), body.RootElement.GetProperty("totalActivations").GetInt32());
    }

    [Fact]
    public async Task GetCluster_SecondSiloJoinsThenStops_ListsItActiveThenDead()
    {
        var first = new WebApp();
        await first.InitializeAsync();
        try
        {
            await SecondSiloJoinsThenStopsAsync(first);
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetCluster_WithoutToken_IsUnauthorizedProblem()
    {
        using var client = app.CreateClient(bearerToken: null);

        var response = await client.GetAsync("/api/admin/v1/cluster");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task GetCluster_UnknownToken_IsUnauthorizedProblem()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken + "x");

        var response = await client.GetAsync("/api/admin/v1/cluster");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task GetCluster_MerchantOwnerToken_IsForbiddenProblem()
    {
        var token = AdminTokens.Generate();
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO admin_tokens (token_id, token_hash, role, merchant_id, description, created_at) VALUES ($1, $2, 'merchant-owner', $3, 'test', now())",
                connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            insert.Parameters.Add(new NpgsqlParameter { Value = AdminTokens.Hash(token) });
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            await insert.ExecuteNonQueryAsync();
        }

        using var client = app.CreateClient(token);
        var response = await client.GetAsync("/api/admin/v1/cluster");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Get_UnknownAdminRoute_IsNotFoundProblem()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);

        var response = await client.GetAsync("/api/admin/v1/no-such-thing");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetHealthz_RunningSilo_IsHealthy()
    {
        // A real socket: Kestrel on a loopback port, not the in-memory test server.
        Assert.NotEqual(80, app.Client.BaseAddress!.Port);
        var response = await app.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static async Task SecondSiloJoinsThenStopsAsync(WebApp first)
    {
        using var client = first.CreateClient(WebApp.BootstrapToken);
        var firstSilo = first.Services.GetRequiredService<ILocalSiloDetails>();

        // A standalone silo process's registration, on the same database and cluster id.
        var secondHost = await StartSiloAsync(first.ConnectionString);
        var second = secondHost.Services.GetRequiredService<ILocalSiloDetails>();
        try
        {
            var joined = await WaitForClusterAsync(client, silos => silos.Count == 2 && silos.All(s => s.GetProperty("status").GetString() == "Active"), "both silos are listed active");
            await AssertSiloAsync(first, SiloAt(joined, firstSilo), firstSilo, "Active");
            await AssertSiloAsync(first, SiloAt(joined, second), second, "Active");
            Assert.Equal(joined.GetProperty("silos").EnumerateArray().Sum(s => s.GetProperty("activations").GetInt32()), joined.GetProperty("totalActivations").GetInt32());
        }
        finally
        {
            await secondHost.StopAsync();
            secondHost.Dispose();
        }

        var left = await WaitForClusterAsync(client, silos => silos.Count == 2 && silos.Any(s => s.GetProperty("status").GetString() == "Dead"), "the stopped silo is listed dead");
        await AssertSiloAsync(first, SiloAt(left, firstSilo), firstSilo, "Active");
        await AssertSiloAsync(first, SiloAt(left, second), second, "Dead");

        // A dead silo's grains live nowhere any more: it lists none, and only the live silo's activations count.
        Assert.Equal(0, SiloAt(left, second).GetProperty("activations").GetInt32());
        Assert.Equal(SiloAt(left, firstSilo).GetProperty("activations").GetInt32(), left.GetProperty("totalActivations").GetInt32());
    }

    /// <summary>
    /// Asserts a listed silo against the silo itself and its membership row: name, address, generation, status, start
    /// time, a heartbeat no earlier than the start and no later than the row's, and activations that add up.
    /// </summary>
    private static async Task AssertSiloAsync(WebApp app, JsonElement silo, ILocalSiloDetails details, string status)
    {
        Assert.Equal(details.Name, silo.GetProperty("name").GetString());
        Assert.Equal(status, silo.GetProperty("status").GetString());
        Assert.Equal(details.SiloAddress.ToParsableString(), silo.GetProperty("address").GetString());
        Assert.Equal(details.SiloAddress.Generation, silo.GetProperty("generation").GetInt32());
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var row = new NpgsqlCommand(
            "SELECT StartTime, IAmAliveTime FROM OrleansMembershipTable WHERE Port = $1 AND Generation = $2", connection);
        row.Parameters.Add(new NpgsqlParameter<int> { TypedValue = details.SiloAddress.Endpoint.Port });
        row.Parameters.Add(new NpgsqlParameter<int> { TypedValue = details.SiloAddress.Generation });
        await using var reader = await row.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        // PostgreSQL keeps microseconds; a silo's own view of its row keeps .NET's 100 ns ticks.
        var startedAt = ToMicroseconds(silo.GetProperty("startedAt").GetDateTimeOffset());
        var lastHeartbeat = ToMicroseconds(silo.GetProperty("lastHeartbeat").GetDateTimeOffset());
        Assert.Equal(reader.GetFieldValue<DateTimeOffset>(0), startedAt);
        Assert.InRange(lastHeartbeat, startedAt, reader.GetFieldValue<DateTimeOffset>(1));
        var byType = silo.GetProperty("activationsByGrainType").EnumerateObject().ToList();
        Assert.All(byType, type => Assert.True(type.Value.GetInt32() > 0, type.Name));
        Assert.Equal(byType.Sum(type => type.Value.GetInt32()), silo.GetProperty("activations").GetInt32());
    }

    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMicrosecond), time.Offset);

    private static JsonElement SiloAt(JsonElement cluster, ILocalSiloDetails details) =>
        Assert.Single(cluster.GetProperty("silos").EnumerateArray(), s => s.GetProperty("address").GetString() == details.SiloAddress.ToParsableString());

    private static async Task<JsonElement> WaitForClusterAsync(HttpClient client, Func<IReadOnlyList<JsonElement>, bool> condition, string because)
    {
        JsonElement cluster = default;
        await Eventually.TrueAsync(
            async () =>
            {
                cluster = await client.GetFromJsonAsync<JsonElement>("/api/admin/v1/cluster");
                return condition([.. cluster.GetProperty("silos").EnumerateArray()]);
            },
            because,
            TimeSpan.FromSeconds(60));
        return cluster;
    }

    private static async Task<IHost> StartSiloAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Loyalty"] = connectionString,
            ["Loyalty:Demo:Seed"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddLoyaltySilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }
}
