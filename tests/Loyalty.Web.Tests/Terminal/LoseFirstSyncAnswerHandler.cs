namespace Loyalty.Web.Tests.Terminal;

/// <summary>
/// Lets the first <c>/sync</c> reach the server and be applied, then drops its answer as a broken connection would:
/// the tablet cannot know what the server did.
/// </summary>
public sealed class LoseFirstSyncAnswerHandler : DelegatingHandler
{
    private int _syncs;

    public LoseFirstSyncAnswerHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public int Syncs => Volatile.Read(ref _syncs);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri!.AbsolutePath.EndsWith("/sync", StringComparison.Ordinal) && Interlocked.Increment(ref _syncs) == 1)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
            throw new HttpRequestException("The connection was reset after the server applied the batch.");
        }

        return response;
    }
}
