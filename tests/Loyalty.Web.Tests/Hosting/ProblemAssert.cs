using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Loyalty.Web.Tests.Hosting;

/// <summary>Assertions on the contract's problem+json answers.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        foreach (var field in new[] { "type", "title", "detail" })
        {
            Assert.True(problem.TryGetProperty(field, out _), $"The problem has no {field}: {text}");
        }

        return problem;
    }
}
