using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Runtime.Core;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;
using Loyalty.Web.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.Equal(3, silo.GetProperty("activationsByGrainType").GetProperty("echo").GetInt32());
        Assert.Equal(silo.GetProperty("activations").GetInt32(), body.RootElement.GetProperty("totalActivations").GetInt32());
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

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }
}
