using System.Globalization;
using System.Net;
using System.Text;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Tests.TestGrains;
using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Tests.Transport;

/// <summary>What a silo's cluster port answers to raw HTTP/2 requests, good and bad.</summary>
public sealed class ClusterCallHandlerTests(TransportCluster cluster) : IClassFixture<TransportCluster>, IDisposable
{
    private const string RecordMethod = "RecordAsync(string)";

    private readonly HttpClient _http = new(new SocketsHttpHandler())
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Post_ValidCall_Answers200WithResult()
    {
        var key = NewKey();

        var (status, body) = await PostAsync(CallsUri(), RecordBody(key, "raw"), cluster.B.Secret);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"result":{}}""", body);
        Assert.Equal(["raw"], Log(key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-cluster-secret")]
    public async Task Post_MissingOrWrongSecret_Answers401RunsNothingAndWarnsWithoutTheSecret(string? presented)
    {
        var key = NewKey();

        var (status, body) = await PostAsync(CallsUri(), RecordBody(key, "intruder"), presented);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(
            """{"error":{"type":"System.UnauthorizedAccessException","message":"The request does not carry this cluster's secret: every silo and client needs the same Loyalty:Cluster:Secret."}}""",
            body);
        Assert.Empty(Log(key));
        var warning = Assert.Single(cluster.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Refused a cluster request from 127.0.0.1:", StringComparison.Ordinal)
            && e.Message.EndsWith(" to /loyalty-cluster/v1/calls: no or wrong cluster secret", StringComparison.Ordinal) && !SeenWarnings.Contains(e.Message));
        SeenWarnings.Add(warning.Message);
        Assert.DoesNotContain(cluster.Logs.Entries, e => e.Message.Contains(cluster.B.Secret, StringComparison.Ordinal) || (presented is not null && e.Message.Contains(presented, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_BodyOverTheLimit_Answers413AndRunsNothing(bool withContentLength)
    {
        var key = NewKey();
        var body = RecordBody(key, new string('x', TransportCluster.MaxRequestBodySize));

        var (status, answer) = await PostAsync(CallsUri(), body, cluster.B.Secret, withContentLength: withContentLength);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(
            """{"error":{"type":"System.InvalidOperationException","message":"The request is larger than this silo's limit of 4096 bytes (Loyalty:Cluster:MaxRequestBodySize)."}}""",
            answer);
        Assert.Empty(Log(key));
    }

    [Fact]
    public async Task Post_DeadlinePassed_Answers504TimeoutAndRunsNothing()
    {
        var key = NewKey();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(-5);

        var (status, body) = await PostAsync(CallsUri(), RecordBody(key, "late"), cluster.B.Secret, deadline);

        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        var expectedDeadline = DateTimeOffset.FromUnixTimeMilliseconds(deadline.ToUnixTimeMilliseconds());
        Assert.Equal(
            $$$"""{"error":{"type":"Loyalty.Runtime.Core.GrainCallTimeoutException","message":"Call echo/{{{key}}}.RecordAsync arrived after its deadline {{{expectedDeadline:O}}}: it was not run."}}""",
            body);
        Assert.Empty(Log(key));
    }

    [Fact]
    public async Task Post_UnknownInterface_Answers404()
    {
        var body = """{"grain":"echo/x","interface":"Nowhere.INothingGrain","method":"RecordAsync(string)","arguments":["x"]}""";

        var (status, answer) = await PostAsync(CallsUri(), body, cluster.B.Secret);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("""{"error":{"type":"System.Collections.Generic.KeyNotFoundException","message":"Grain interface Nowhere.INothingGrain is not known here."}}""", answer);
    }

    [Fact]
    public async Task Post_UnknownMethod_Answers404()
    {
        var body = $$"""{"grain":"echo/x","interface":"{{typeof(IEchoGrain).FullName}}","method":"VanishAsync()","arguments":[]}""";

        var (status, answer) = await PostAsync(CallsUri(), body, cluster.B.Secret);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal($$$"""{"error":{"type":"System.Collections.Generic.KeyNotFoundException","message":"Grain interface {{{typeof(IEchoGrain).FullName}}} has no method VanishAsync() here."}}""", answer);
    }

    [Fact]
    public async Task Post_GrainOfAnotherType_Answers400()
    {
        var body = $$"""{"grain":"counter/x","interface":"{{typeof(IEchoGrain).FullName}}","method":"{{RecordMethod}}","arguments":["x"]}""";

        var (status, answer) = await PostAsync(CallsUri(), body, cluster.B.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($$$"""{"error":{"type":"System.ArgumentException","message":"Grain counter/x is not a echo grain, which {{{typeof(IEchoGrain).FullName}}} is for."}}""", answer);
    }

    [Theory]
    [InlineData("{\"grain\":")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"grain\":\"echo/x\"}")]
    [InlineData("{\"grain\":\"noslash\",\"interface\":\"I\",\"method\":\"M\",\"arguments\":[]}")]
    [InlineData("{\"grain\":42,\"interface\":\"I\",\"method\":\"M\",\"arguments\":[]}")]
    [InlineData("{\"grain\":\"echo/x\",\"interface\":\"Loyalty.Runtime.Tests.TestGrains.IEchoGrain\",\"method\":\"RecordAsync(string)\",\"arguments\":[1,2]}")]
    [InlineData("{\"grain\":\"echo/x\",\"interface\":\"Loyalty.Runtime.Tests.TestGrains.IEchoGrain\",\"method\":\"RecordAsync(string)\",\"arguments\":[\"x\"],\"chain\":[{\"grain\":\"echo/y\"}]}")]
    [InlineData("{\"grain\":\"echo/x\",\"interface\":\"Loyalty.Runtime.Tests.TestGrains.IEchoGrain\",\"method\":\"RecordAsync(string)\",\"arguments\":[\"x\"]} {}")]
    public async Task Post_MalformedBody_Answers400WithJsonException(string body)
    {
        var (status, answer) = await PostAsync(CallsUri(), body, cluster.B.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("""{"error":{"type":"System.Text.Json.JsonException","message":""", answer, StringComparison.Ordinal);
        Assert.Empty(Log("x"));
    }

    [Theory]
    [InlineData(null, "0")]
    [InlineData("soon", "0")]
    [InlineData("99999999999999999", "0")]
    [InlineData("NOW", "-1")]
    public async Task Post_BadHeaders_Answers400(string? deadline, string hops)
    {
        var key = NewKey();
        var deadlineValue = deadline == "NOW" ? DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : deadline;

        var (status, answer) = await PostAsync(CallsUri(), RecordBody(key, "x"), cluster.B.Secret, rawDeadline: deadlineValue ?? "", hops: hops, omitDeadline: deadline is null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("""{"error":{"type":"System.FormatException","message":"Loyalty-""", answer, StringComparison.Ordinal);
        Assert.Empty(Log(key));
    }

    [Fact]
    public async Task Get_OtherRouteOnTheClusterPort_Answers404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{cluster.B.ClusterAddress}/hello"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Headers = { { "Loyalty-Cluster-Secret", cluster.B.Secret } },
        };
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":{"type":"System.Collections.Generic.KeyNotFoundException","message":"The cluster port has no route GET /hello."}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PublicPort_ServesTheAppOverHttp11AndNotTheClusterRoute()
    {
        using var http11 = new HttpClient();
        var key = NewKey();

        var greeting = await http11.GetStringAsync(new Uri(cluster.B.PublicUri, "/hello"));
        var (status, _) = await PostAsync(new Uri(cluster.B.PublicUri, "/loyalty-cluster/v1/calls"), RecordBody(key, "public"), cluster.B.Secret, client: http11);

        Assert.Equal(TransportSilo.AppGreeting, greeting);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty(Log(key));
        Assert.NotEqual(cluster.B.PublicUri.Port, new Uri($"http://{cluster.B.ClusterAddress}").Port);
    }

    private static readonly HashSet<string> SeenWarnings = [];

    private Uri CallsUri() => new($"http://{cluster.B.ClusterAddress}/loyalty-cluster/v1/calls");

    private static string RecordBody(string key, string value) =>
        $$"""{"grain":"echo/{{key}}","interface":"{{typeof(IEchoGrain).FullName}}","method":"{{RecordMethod}}","arguments":["{{value}}"]}""";

    private string[] Log(string key) => [.. cluster.Probe.For(GrainId.Create("echo", key)).Log];

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(
        Uri uri,
        string body,
        string? secret,
        DateTimeOffset? deadline = null,
        bool withContentLength = true,
        string? rawDeadline = null,
        string hops = "0",
        bool omitDeadline = false,
        HttpClient? client = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        HttpContent content = withContentLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        client ??= _http;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = content,
            Version = client.DefaultRequestVersion,
            VersionPolicy = client.DefaultVersionPolicy,
        };
        if (secret is not null)
        {
            request.Headers.Add("Loyalty-Cluster-Secret", secret);
        }

        if (!omitDeadline)
        {
            request.Headers.Add("Loyalty-Deadline", rawDeadline ?? (deadline ?? DateTimeOffset.UtcNow.AddSeconds(15)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        request.Headers.Add("Loyalty-Hops", hops);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>A body sent without Content-Length, so only the size limit while reading can stop it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
