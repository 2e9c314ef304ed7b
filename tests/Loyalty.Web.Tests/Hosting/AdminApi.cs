using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Loyalty.Web.Admin;
using Npgsql;

namespace Loyalty.Web.Tests.Hosting;

/// <summary>Shortcuts for admin API tests: merchants with unique slugs, owner tokens, problem assertions, SQL counts.</summary>
public static class AdminApi
{
    public const string Base = "/api/admin/v1";

    public static string UniqueSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    public static async Task<Guid> CreateMerchantAsync(HttpClient platformAdmin, string? defaultLocale = null)
    {
        var response = await platformAdmin.PostAsJsonAsync($"{Base}/merchants", new { name = "Test merchant", slug = UniqueSlug("m"), defaultLocale });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<(string Token, Guid TokenId)> CreateOwnerTokenAsync(WebApp app, Guid merchantId)
    {
        var token = AdminTokens.Generate();
        var tokenId = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO admin_tokens (token_id, token_hash, role, merchant_id, description, created_at) VALUES ($1, $2, 'merchant-owner', $3, 'test', now())",
            connection);
        insert.Parameters.Add(new NpgsqlParameter { Value = tokenId });
        insert.Parameters.Add(new NpgsqlParameter { Value = AdminTokens.Hash(token) });
        insert.Parameters.Add(new NpgsqlParameter { Value = merchantId });
        await insert.ExecuteNonQueryAsync();
        return (token, tokenId);
    }

    public static async Task<Guid> BootstrapTokenIdAsync(WebApp app) =>
        (Guid)(await ScalarAsync(app, "SELECT token_id FROM admin_tokens WHERE is_bootstrap"))!;

    public static async Task<object?> ScalarAsync(WebApp app, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteScalarAsync();
    }

    public static Task<HttpResponseMessage> PostJsonTextAsync(HttpClient client, string path, string json, HttpMethod? method = null) =>
        client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> name exactly <paramref name="fields"/>.</summary>
    public static async Task AssertValidationAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        var names = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(fields.Order(StringComparer.Ordinal), names);
    }
}
