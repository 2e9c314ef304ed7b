using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Loyalty.Grains.Customers;
using Loyalty.Web.AppleWallet;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.AppleWallet;

/// <summary>
/// The card page's pass download and every PassKit web service endpoint (register, unregister, changed passes, latest
/// pass, log) against the real frontend and PostgreSQL: tokens right, wrong and missing, unknown serials and pass types,
/// malformed bodies (nothing written), If-Modified-Since, and "updated since" after a stamp.
/// </summary>
public sealed class AppleWalletEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private readonly PassKitClient _passKit = new(app);

    [Fact]
    public async Task CardPage_Configured_LinksToItsSignedPass()
    {
        var card = await app.CreateCardAsync();
        var slug = await SlugAsync(card);
        var cardPage = app.App.Services.GetRequiredService<CustomerLinks>().CardPath(slug, card.CardNumber);

        // The page links with a token of its own (Data Protection makes a new one each time) for the same card.
        var html = await app.App.Client.GetStringAsync(cardPage);
        var link = Regex.Match(html, "<a class=\"wallet-button wallet-button-apple\" href=\"(/m/[^\"]+)/wallet/apple\"");
        Assert.True(link.Success, html);
        Assert.Equal(card.CardNumber, app.App.Services.GetRequiredService<CustomerLinks>().ReadCardToken(link.Groups[1].Value.Split('/')[^1]));
        Assert.Contains("Add to Apple Wallet", html, StringComparison.Ordinal);

        using var download = await app.App.Client.GetAsync($"{link.Groups[1].Value}/wallet/apple");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.apple.pkpass", PassKitClient.TypeOf(download)?.MediaType);
        Assert.Equal($"{slug}-{card.CardNumber[^4..]}.pkpass", download.Content.Headers.ContentDisposition?.FileName);
        var package = PassPackage.Open(await download.Content.ReadAsByteArrayAsync());
        var pass = package.Pass;
        Assert.Equal(card.CardNumber, pass.GetProperty("serialNumber").GetString());
        Assert.Equal(await _passKit.TokenAsync(card.CardNumber), pass.GetProperty("authenticationToken").GetString());
        Assert.Equal(43, pass.GetProperty("authenticationToken").GetString()!.Length);
        Assert.Equal("http://127.0.0.1:5080/api/wallet/apple", pass.GetProperty("webServiceURL").GetString());
        Assert.Equal(["stamps:0 / 10"], pass.GetProperty("storeCard").GetProperty("primaryFields").EnumerateArray()
            .Select(f => $"{f.GetProperty("key").GetString()}:{f.GetProperty("value").GetString()}"));

        var cms = new SignedCms(new ContentInfo(package.Files["manifest.json"]), detached: true);
        cms.Decode(package.Files["signature"]);
        using var wwdr = TestPassCertificates.Files.Wwdr();
        cms.CheckSignature(new X509Certificate2Collection { wwdr }, verifySignatureOnly: true);
    }

    [Fact]
    public async Task Download_AlteredTokenOrOtherMerchant_IsTheNotFoundPage()
    {
        var card = await app.CreateCardAsync();
        var other = await app.CreateCardAsync();
        var links = app.App.Services.GetRequiredService<CustomerLinks>();
        var altered = links.CardPath(await SlugAsync(card), card.CardNumber)[..^2] + "xx/wallet/apple";
        var crossed = links.CardPath(await SlugAsync(other), card.CardNumber) + "/wallet/apple";

        foreach (var path in new[] { altered, crossed })
        {
            using var response = await app.App.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", PassKitClient.TypeOf(response)?.MediaType);
        }
    }

    [Fact]
    public async Task Register_NewThenAgain_Answers201Then200AndKeepsTheNewestPushToken()
    {
        var card = await app.CreateCardAsync();
        var token = await _passKit.TokenAsync(card.CardNumber);
        var device = NewDevice();

        using var first = await _passKit.RegisterAsync(device, card.CardNumber, token, "aaaa1111");
        using var again = await _passKit.RegisterAsync(device, card.CardNumber, token, "bbbb2222");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("bbbb2222", await app.QueryScalarAsync<string>(
            "SELECT push_token FROM apple_wallet_registrations WHERE device_library_identifier = $1 AND serial_number = $2", device, card.CardNumber));
        Assert.Equal(1L, await RegistrationsAsync(device));
    }

    [Fact]
    public async Task Register_WrongMissingOrOtherSchemeToken_Is401AndWritesNothing()
    {
        var card = await app.CreateCardAsync();
        var other = await app.CreateCardAsync();
        var device = NewDevice();
        var otherToken = await _passKit.TokenAsync(other.CardNumber);
        var token = await _passKit.TokenAsync(card.CardNumber);
        var body = """{"pushToken":"a1b2c3"}""";

        string?[] refused = [$"ApplePass {otherToken}", null, $"Bearer {token}", "ApplePass", $"ApplePass {token[..^1]}x", "ApplePass short"];
        foreach (var authorization in refused)
        {
            using var response = await _passKit.SendAsync(HttpMethod.Post, PassKitClient.Registration(device, card.CardNumber), authorization, body);
            await ProblemAssert.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
            Assert.Equal("ApplePass", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal(0L, await RegistrationsAsync(device));
    }

    [Fact]
    public async Task Register_UnknownSerialOrPassType_Is404()
    {
        var unknown = UnknownCardNumber();
        var card = await app.CreateCardAsync();
        var device = NewDevice();

        using var noCard = await _passKit.RegisterAsync(device, unknown, await _passKit.TokenAsync(unknown));
        using var otherType = await _passKit.SendAsync(HttpMethod.Post, PassKitClient.Registration(device, card.CardNumber, "pass.com.example.other"),
            PassKitClient.Header(await _passKit.TokenAsync(card.CardNumber)), """{"pushToken":"a1b2c3"}""");

        await ProblemAssert.AssertAsync(noCard, HttpStatusCode.NotFound, "pass-not-found");
        await ProblemAssert.AssertAsync(otherType, HttpStatusCode.NotFound, "pass-not-found");
        Assert.Equal(0L, await RegistrationsAsync(device));
    }

    [Fact]
    public async Task Register_BadBodyOrPath_Is400NamingTheFieldAndWritesNothing()
    {
        var card = await app.CreateCardAsync();
        var header = PassKitClient.Header(await _passKit.TokenAsync(card.CardNumber));
        var device = NewDevice();
        var cases = new (string Path, string Body, string Field)[]
        {
            (PassKitClient.Registration(device, card.CardNumber), """{"pushToken":null}""", "pushToken"),
            (PassKitClient.Registration(device, card.CardNumber), """{"pushToken":"has space"}""", "pushToken"),
            (PassKitClient.Registration(device, card.CardNumber), """{"pushToken":"a1","extra":1}""", "extra"),
            (PassKitClient.Registration(device, card.CardNumber), """{"pushToken":12}""", "pushToken"),
            (PassKitClient.Registration("bad%20device", card.CardNumber), """{"pushToken":"a1"}""", "deviceLibraryIdentifier"),
            (PassKitClient.Registration(device, "1234"), """{"pushToken":"a1"}""", "serialNumber"),
        };

        foreach (var (path, body, field) in cases)
        {
            using var response = await _passKit.SendAsync(HttpMethod.Post, path, header, body);
            var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path} {body}: {problem}");
        }

        Assert.Equal(0L, await RegistrationsAsync(device));
    }

    [Fact]
    public async Task Unregister_RegisteredDevice_RemovesItsRegistrationOnly()
    {
        var card = await app.CreateCardAsync();
        var token = await _passKit.TokenAsync(card.CardNumber);
        var (device, kept) = (NewDevice(), NewDevice());
        Assert.Equal(HttpStatusCode.Created, (await _passKit.RegisterAsync(device, card.CardNumber, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _passKit.RegisterAsync(kept, card.CardNumber, token)).StatusCode);

        using var wrong = await _passKit.SendAsync(HttpMethod.Delete, PassKitClient.Registration(device, card.CardNumber), PassKitClient.Header(await _passKit.TokenAsync(UnknownCardNumber())));
        await ProblemAssert.AssertAsync(wrong, HttpStatusCode.Unauthorized, "unauthorized");
        using var unregistered = await _passKit.SendAsync(HttpMethod.Delete, PassKitClient.Registration(device, card.CardNumber), PassKitClient.Header(token));
        using var again = await _passKit.SendAsync(HttpMethod.Delete, PassKitClient.Registration(device, card.CardNumber), PassKitClient.Header(token));
        var unknown = UnknownCardNumber();
        using var noCard = await _passKit.SendAsync(HttpMethod.Delete, PassKitClient.Registration(device, unknown), PassKitClient.Header(await _passKit.TokenAsync(unknown)));

        Assert.Equal(HttpStatusCode.OK, unregistered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await ProblemAssert.AssertAsync(noCard, HttpStatusCode.NotFound, "pass-not-found");
        Assert.Equal(0L, await RegistrationsAsync(device));
        Assert.Equal(1L, await RegistrationsAsync(kept));
    }

    [Fact]
    public async Task Changed_AfterAStamp_ListsTheSerialUntilTheTagPassesIt()
    {
        var card = await app.CreateCardAsync();
        var device = NewDevice();
        using var none = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Changed(device), null);
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _passKit.RegisterAsync(device, card.CardNumber, await _passKit.TokenAsync(card.CardNumber))).StatusCode);
        var enrolledAt = await ModifiedAtAsync(card);

        // Without a tag: every pass of the device; the tag stays a commit window behind the clock.
        var all = await ChangedAsync(device, null);
        Assert.Equal([card.CardNumber], all.Serials);
        Assert.Equal(PassKitValidation.Tag(app.Clock.GetUtcNow() - ApplePassRegistrations.CommitWindow), all.Tag);

        app.Clock.Advance(ApplePassRegistrations.CommitWindow + TimeSpan.FromSeconds(1));
        var again = await ChangedAsync(device, all.Tag);
        Assert.Equal([card.CardNumber], again.Serials);
        Assert.Equal(PassKitValidation.Tag(enrolledAt), again.Tag);
        using var unchanged = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Changed(device, again.Tag), null);
        Assert.Equal(HttpStatusCode.NoContent, unchanged.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await StampAsync(card, "changed-stamp");
        var stampedAt = await ModifiedAtAsync(card);
        Assert.Equal(app.Clock.GetUtcNow(), stampedAt);
        var afterStamp = await ChangedAsync(device, again.Tag);
        Assert.Equal([card.CardNumber], afterStamp.Serials);
        Assert.Equal(PassKitValidation.Tag(stampedAt - ApplePassRegistrations.CommitWindow), afterStamp.Tag);
    }

    [Fact]
    public async Task Changed_BadTagDeviceOrPassType_IsRefused()
    {
        var device = NewDevice();
        foreach (var tag in new[] { "yesterday", "-5", "12.5", new string('9', 19) })
        {
            using var response = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Changed(device, tag), null);
            await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "validation");
        }

        using var badDevice = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Changed("a%2Fb"), null);
        await ProblemAssert.AssertAsync(badDevice, HttpStatusCode.BadRequest, "validation");
        using var otherType = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Changed(device, passType: "pass.com.example.other"), null);
        await ProblemAssert.AssertAsync(otherType, HttpStatusCode.NotFound, "pass-not-found");
    }

    [Fact]
    public async Task LatestPass_IfModifiedSince_Is304UntilTheCardChanges()
    {
        var card = await app.CreateCardAsync();
        var header = PassKitClient.Header(await _passKit.TokenAsync(card.CardNumber));

        using var first = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Pass(card.CardNumber), header);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.apple.pkpass", PassKitClient.TypeOf(first)?.MediaType);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.Equal(await ModifiedAtAsync(card), lastModified);
        Assert.Equal(card.CardNumber, PassPackage.Open(await first.Content.ReadAsByteArrayAsync()).Pass.GetProperty("serialNumber").GetString());

        using var notModified = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Pass(card.CardNumber), header, ifModifiedSince: lastModified);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await StampAsync(card, "latest-stamp");
        using var changed = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Pass(card.CardNumber), header, ifModifiedSince: lastModified);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(lastModified + TimeSpan.FromMinutes(2), changed.Content.Headers.LastModified);
        var stamps = PassPackage.Open(await changed.Content.ReadAsByteArrayAsync()).Pass.GetProperty("storeCard").GetProperty("primaryFields")[0];
        Assert.Equal("1 / 10", stamps.GetProperty("value").GetString());
    }

    [Fact]
    public async Task LatestPass_WrongTokenOrUnknownSerial_IsRefused()
    {
        var card = await app.CreateCardAsync();
        var unknown = UnknownCardNumber();

        using var wrong = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Pass(card.CardNumber), PassKitClient.Header(await _passKit.TokenAsync(unknown)));
        using var missing = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Pass(card.CardNumber), null);
        using var noCard = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Pass(unknown), PassKitClient.Header(await _passKit.TokenAsync(unknown)));
        using var badSerial = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Pass("not-a-card"), PassKitClient.Header(await _passKit.TokenAsync(card.CardNumber)));

        await ProblemAssert.AssertAsync(wrong, HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAssert.AssertAsync(missing, HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAssert.AssertAsync(noCard, HttpStatusCode.NotFound, "pass-not-found");
        await ProblemAssert.AssertAsync(badSerial, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Log_Messages_AreAcceptedAndBadOnesRefused()
    {
        using var accepted = await _passKit.SendAsync(HttpMethod.Post, $"{PassKitClient.Api}/log", null,
            """{"logs":["Web service error for pass.lu.loyalty.test (https://example/api/wallet/apple): line one\nline two"]}""");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var tooMany = JsonSerializer.Serialize(new { logs = Enumerable.Repeat("x", PassKitValidation.MaxLogEntries + 1) });
        foreach (var body in new[] { """{"logs":[]}""", """{"logs":null}""", """{"logs":["bell\u0007"]}""", tooMany, """{"logs":[""]}""", """{"logs":"text"}""" })
        {
            using var refused = await _passKit.SendAsync(HttpMethod.Post, $"{PassKitClient.Api}/log", null, body);
            await ProblemAssert.AssertAsync(refused, HttpStatusCode.BadRequest, "validation");
        }
    }

    [Fact]
    public void LogText_Clean_MakesOneLineOfAtMostAThousandCharacters()
    {
        Assert.Equal("a b c", PassKitLogText.Clean("a\nb\tc"));
        Assert.Equal(new string('x', 1000) + "…", PassKitLogText.Clean(new string('x', 4096)));
    }

    [Fact]
    public async Task PushWatcher_AfterAStamp_NotifiesTheRegisteredDeviceOnce()
    {
        var card = await app.CreateCardAsync();
        var device = NewDevice();
        Assert.Equal(HttpStatusCode.Created, (await _passKit.RegisterAsync(device, card.CardNumber, await _passKit.TokenAsync(card.CardNumber), "feed0001")).StatusCode);
        var watcher = app.App.Services.GetRequiredService<ApplePassPushWatcher>();
        Assert.DoesNotContain(await watcher.RunOnceAsync(CancellationToken.None), p => p.SerialNumber == card.CardNumber);

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await StampAsync(card, "push-stamp");
        var pushes = await watcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal([new PassPush(TestPassCertificates.PassTypeIdentifier, card.CardNumber, device, "feed0001")], pushes.Where(p => p.SerialNumber == card.CardNumber));
        Assert.DoesNotContain(await watcher.RunOnceAsync(CancellationToken.None), p => p.SerialNumber == card.CardNumber);
    }

    private async Task<(string[] Serials, string Tag)> ChangedAsync(string device, string? tag)
    {
        using var response = await _passKit.SendAsync(HttpMethod.Get, PassKitClient.Changed(device, tag), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ([.. body.GetProperty("serialNumbers").EnumerateArray().Select(s => s.GetString()!)], body.GetProperty("lastUpdated").GetString()!);
    }

    private async Task StampAsync(TestCard card, string key)
    {
        using var device = app.Device(card.Device.Token);
        var response = await device.PostAsJsonAsync($"/api/terminal/v1/cards/{card.CardNumber}/stamps", new { count = 1, pinId = card.PinId, idempotencyKey = $"{key}-{card.CardNumber}" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<DateTimeOffset> ModifiedAtAsync(TestCard card) => new(DateTime.SpecifyKind(
        await app.QueryScalarAsync<DateTime>("SELECT modified_at FROM cards WHERE card_number = $1", card.CardNumber), DateTimeKind.Utc));

    private async Task<long> RegistrationsAsync(string device) =>
        await app.QueryScalarAsync<long>("SELECT count(*) FROM apple_wallet_registrations WHERE device_library_identifier = $1", device);

    private async Task<string> SlugAsync(TestCard card) =>
        (await app.QueryScalarAsync<string>("SELECT slug FROM merchants WHERE merchant_id = $1", card.Store.MerchantId))!;

    private static string NewDevice() => $"device{Guid.NewGuid():N}";

    /// <summary>A well-formed card number (Luhn check digit) that no card has.</summary>
    private static string UnknownCardNumber()
    {
        var digits = "9" + string.Concat(Enumerable.Range(0, 14).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var sum = digits.Reverse().Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(d => d > 9 ? d - 9 : d);
        return digits + (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
