using System.Text.Json;
using Loyalty.Web.Problems;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Loyalty.Web.Tests.Problems;

/// <summary>The 503 a retryable failure becomes: its advice mentions an idempotency key only where the request has one.</summary>
public sealed class ProblemExceptionHandlerTests
{
    [Fact]
    public async Task TryHandleAsync_RetryableFailureOnAnEndpointWithAKey_SaysRetryWithTheSameKey()
    {
        var (status, retryAfter, problem) = await HandleAsync("POST", IdempotencyKeyMetadata.Instance);

        Assert.Equal((503, "1"), (status, retryAfter));
        Assert.Equal("unavailable", problem.GetProperty("code").GetString());
        Assert.Equal(
            "Retry shortly with the same idempotency key: a change that was made is answered, not made twice.",
            problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "Retry shortly.")]
    [InlineData("POST", "Retry shortly. The change may have been made: check before sending it again.")]
    [InlineData("PUT", "Retry shortly. The change may have been made: check before sending it again.")]
    public async Task TryHandleAsync_RetryableFailureOnAnEndpointWithoutAKey_DoesNotMentionKeys(string method, string detail)
    {
        var (status, _, problem) = await HandleAsync(method, metadata: null);

        Assert.Equal(503, status);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("idempotency", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int Status, string RetryAfter, JsonElement Problem)> HandleAsync(string method, object? metadata)
    {
        using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Response.Body = new MemoryStream();
        // As the exception handler middleware leaves it: the endpoint cleared from the context, kept in the feature.
        var endpoint = new Endpoint(null, new EndpointMetadataCollection(metadata is null ? [] : [metadata]), "test endpoint");
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Endpoint = endpoint, Error = new InvalidOperationException(), Path = "/" });

        Assert.True(await new ProblemExceptionHandler(NullLogger<ProblemExceptionHandler>.Instance)
            .TryHandleAsync(context, new InconsistentStateException("version race"), CancellationToken.None));

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(), JsonSerializer.Deserialize<JsonElement>(context.Response.Body));
    }
}
