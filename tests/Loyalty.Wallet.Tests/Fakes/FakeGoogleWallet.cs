using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.Wallet.Tests.Fakes;

/// <summary>
/// Google Wallet in the test process: a Kestrel server on a free loopback port with the OAuth token endpoint
/// (<c>/token</c>: the JWT-bearer grant, its assertion verified with the test service account's public key), the Wallet
/// API (<c>/walletobjects/v1/</c>: issuer, loyaltyClass and loyaltyObject insert/update/get) and a logo. Every API
/// request must carry a token this server issued, and every body must keep <see cref="WalletContract"/>; anything else
/// is answered 400/401 and recorded in <see cref="Violations"/>, which tests assert empty. Tests queue 404, 409, 429 or
/// 500 answers for an object, hold its requests, or forget it.
/// </summary>
public sealed class FakeGoogleWallet : IAsyncDisposable
{
    public const string IssuerId = "3388000000022000001";
    public const string SiloHeader = "X-Test-Silo";
    private readonly WebApplication _app;
    private readonly TestServiceAccount _account;
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private readonly Dictionary<string, JsonObject> _classes = [];
    private readonly Dictionary<string, JsonObject> _objects = [];
    private readonly Dictionary<string, Queue<HttpStatusCode>> _planned = [];
    private readonly Dictionary<string, TaskCompletionSource<bool>> _holds = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<string> _violations = [];
    private readonly Lock _lock = new();

    private FakeGoogleWallet(WebApplication app, TestServiceAccount account)
    {
        _app = app;
        _account = account;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseAddress, "walletobjects/v1/");

    public Uri TokenEndpoint => new(BaseAddress, "token");

    public Uri LogoUrl => new(BaseAddress, "logo.png");

    /// <summary>The clock requests are recorded by (the cluster's manual clock).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Content type the logo is served with (tests break it to see the check say so).</summary>
    public string LogoContentType { get; set; } = "image/png";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_lock)
            {
                return [.. _violations];
            }
        }
    }

    public int TokensIssued => _tokens.Count;

    public static async Task<FakeGoogleWallet> StartAsync(TestServiceAccount account)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGoogleWallet(app, account);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    /// <summary>The object as the fake holds it now (a copy), or null.</summary>
    public JsonObject? Object(string id)
    {
        lock (_lock)
        {
            return _objects.TryGetValue(id, out var found) ? found.DeepClone().AsObject() : null;
        }
    }

    public JsonObject? Class(string id)
    {
        lock (_lock)
        {
            return _classes.TryGetValue(id, out var found) ? found.DeepClone().AsObject() : null;
        }
    }

    /// <summary>The next requests about object <paramref name="id"/> are answered with these statuses, in order, and change nothing.</summary>
    public void Plan(string id, params HttpStatusCode[] answers)
    {
        lock (_lock)
        {
            if (!_planned.TryGetValue(id, out var queue))
            {
                _planned[id] = queue = new Queue<HttpStatusCode>();
            }

            foreach (var answer in answers)
            {
                queue.Enqueue(answer);
            }
        }
    }

    /// <summary>Google lost the object: the next update answers 404.</summary>
    public void Forget(string id)
    {
        lock (_lock)
        {
            _objects.Remove(id);
        }
    }

    /// <summary>Stores an object as if an earlier run had inserted it: the next insert answers 409.</summary>
    public void Seed(JsonObject loyaltyObject)
    {
        lock (_lock)
        {
            _objects[loyaltyObject["id"]!.GetValue<string>()] = loyaltyObject;
        }
    }

    /// <summary>
    /// Holds the requests about object <paramref name="id"/> until <see cref="Release"/>: <c>true</c> applies them,
    /// <c>false</c> drops them (answered 503, nothing stored), as a request lost with its silo would be.
    /// </summary>
    public void Hold(string id)
    {
        lock (_lock)
        {
            _holds[id] = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release(string id, bool apply)
    {
        TaskCompletionSource<bool>? hold;
        lock (_lock)
        {
            _holds.Remove(id, out hold);
        }

        hold?.TrySetResult(apply);
    }

    /// <summary>Requests waiting on a hold now.</summary>
    public int Held { get; private set; }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/token")
        {
            await TokenAsync(context);
            return;
        }

        if (path == "/logo.png")
        {
            context.Response.ContentType = LogoContentType;
            await context.Response.Body.WriteAsync(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
            return;
        }

        const string api = "/walletobjects/v1/";
        if (!path.StartsWith(api, StringComparison.Ordinal))
        {
            // Any other file of the site (a logo that is not there): a plain 404, not a breach of the API's contract.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            await Refuse(context, HttpStatusCode.Unauthorized, $"{context.Request.Method} {path} without a token the token endpoint issued");
            return;
        }

        JsonObject? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Method is "POST" or "PUT")
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true || JsonNode.Parse(text) is not JsonObject parsed)
            {
                await Refuse(context, HttpStatusCode.BadRequest, $"{context.Request.Method} {path}: the body is not a JSON object");
                return;
            }

            body = parsed;
        }

        var resource = path[api.Length..];
        var (status, answer) = await ApiAsync(context.Request.Method, resource, body);
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(context.Request.Method, resource, Clock(), context.Request.Headers[SiloHeader].FirstOrDefault(), body, status));
        }

        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private async Task<(HttpStatusCode, JsonNode)> ApiAsync(string method, string resource, JsonObject? body)
    {
        var segments = resource.Split('/', 2);
        var id = segments.Length == 2 ? Uri.UnescapeDataString(segments[1]) : body?["id"]?.GetValue<string>();
        if (segments[0] == "issuer" && method == "GET")
        {
            return id == IssuerId
                ? (HttpStatusCode.OK, new JsonObject { ["issuerId"] = IssuerId, ["name"] = "Loyalty test issuer" })
                : Error(HttpStatusCode.NotFound, $"Issuer {id} not found");
        }

        if (segments[0] is not ("loyaltyClass" or "loyaltyObject") || id is null)
        {
            return Error(HttpStatusCode.NotFound, $"no such resource {resource}");
        }

        var isObject = segments[0] == "loyaltyObject";
        if (isObject && await HeldAsync(id) is false)
        {
            return Error(HttpStatusCode.ServiceUnavailable, "dropped (the caller's silo died)");
        }

        lock (_lock)
        {
            if (isObject && _planned.TryGetValue(id, out var queue) && queue.TryDequeue(out var planned))
            {
                return Error(planned, $"planned {(int)planned}");
            }

            var store = isObject ? _objects : _classes;
            switch (method)
            {
                case "GET":
                    return store.TryGetValue(id, out var found) ? (HttpStatusCode.OK, found.DeepClone()) : Error(HttpStatusCode.NotFound, $"{id} not found");
                case "POST" or "PUT":
                    var problems = isObject
                        ? WalletContract.Object(body!, IssuerId)
                        : WalletContract.Class(body!, IssuerId, _classes.TryGetValue(id, out var previous) ? previous["reviewStatus"]?.GetValue<string>() : null);
                    if (segments.Length == 2 && body!["id"]?.GetValue<string>() != id)
                    {
                        problems.Add($"the body's id {body["id"]} is not the path's {id}");
                    }

                    if (isObject && body!["classId"]?.GetValue<string>() is { } classId
                        && (!_classes.TryGetValue(classId, out var owner) || owner["reviewStatus"]?.GetValue<string>() == "DRAFT"))
                    {
                        problems.Add($"object {id} names class {classId}, which does not exist or is a draft");
                    }

                    if (problems.Count > 0)
                    {
                        _violations.AddRange(problems.Select(p => $"{method} {resource}: {p}"));
                        return Error(HttpStatusCode.BadRequest, string.Join("; ", problems));
                    }

                    if (method == "POST" && store.ContainsKey(id))
                    {
                        return Error(HttpStatusCode.Conflict, $"{id} already exists");
                    }

                    if (method == "PUT" && !store.ContainsKey(id))
                    {
                        return Error(HttpStatusCode.NotFound, $"{id} not found");
                    }

                    store[id] = body!.DeepClone().AsObject();
                    return (HttpStatusCode.OK, body.DeepClone());
                default:
                    return Error(HttpStatusCode.MethodNotAllowed, method);
            }
        }
    }

    private async Task<bool> HeldAsync(string id)
    {
        TaskCompletionSource<bool>? hold;
        lock (_lock)
        {
            _holds.TryGetValue(id, out hold);
        }

        if (hold is null)
        {
            return true;
        }

        lock (_lock)
        {
            Held++;
        }

        try
        {
            return await hold.Task;
        }
        finally
        {
            lock (_lock)
            {
                Held--;
            }
        }
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || Jwt.Verify(form["assertion"].ToString(), _account.Key) is not { } assertion)
        {
            await Refuse(context, HttpStatusCode.BadRequest, "token request without a JWT-bearer assertion signed by the service account");
            return;
        }

        var claims = assertion.Claims;
        var problems = new List<string>();
        if (assertion.Header["alg"]?.GetValue<string>() != "RS256")
        {
            problems.Add("the assertion is not RS256");
        }

        if (claims["iss"]?.GetValue<string>() != TestServiceAccount.Email)
        {
            problems.Add($"iss {claims["iss"]} is not the service account");
        }

        if (claims["scope"]?.GetValue<string>() != GoogleWalletOptions.Scope)
        {
            problems.Add($"scope {claims["scope"]} is not the wallet issuer scope");
        }

        // Google's documented audience of the assertion, whichever address the request was sent to.
        if (claims["aud"]?.GetValue<string>() != "https://oauth2.googleapis.com/token")
        {
            problems.Add($"aud {claims["aud"]} is not https://oauth2.googleapis.com/token");
        }

        if (claims["exp"]?.GetValue<long>() is not { } exp || claims["iat"]?.GetValue<long>() is not { } iat || exp <= iat || exp - iat > 3600)
        {
            problems.Add("iat/exp missing or exp not within an hour after iat");
        }

        if (problems.Count > 0)
        {
            await Refuse(context, HttpStatusCode.BadRequest, string.Join("; ", problems));
            return;
        }

        var token = $"ya29.fake-{Guid.NewGuid():N}";
        _tokens[token] = true;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["access_token"] = token, ["expires_in"] = 3600, ["token_type"] = "Bearer" }.ToJsonString());
    }

    private async Task Refuse(HttpContext context, HttpStatusCode status, string problem)
    {
        lock (_lock)
        {
            _violations.Add(problem);
        }

        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["error"] = problem }.ToJsonString());
    }

    private static (HttpStatusCode, JsonNode) Error(HttpStatusCode status, string message) =>
        (status, new JsonObject { ["error"] = new JsonObject { ["code"] = (int)status, ["message"] = message } });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
