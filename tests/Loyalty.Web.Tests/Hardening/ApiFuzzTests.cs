using Loyalty.Web.Tests.Hosting;
using Xunit.Abstractions;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// Issue #19: every endpoint of the terminal and admin APIs, found in the running app, gets its generated malformed
/// requests (see <see cref="FuzzCases"/>). None may answer 5xx, every error is problem+json with a machine code, and a
/// refused request stores nothing: the database's tables are compared before and after each case.
/// </summary>
public sealed class ApiFuzzTests(HardeningApp app, ITestOutputHelper output) : IClassFixture<HardeningApp>
{
    [Fact]
    public async Task EveryEndpoint_MalformedInput_IsRefusedAsAProblemAndStoresNothing()
    {
        var endpoints = ApiEndpoints.List(app.App.Services);
        Assert.Contains(endpoints, e => e.Key == "POST /api/terminal/v1/cards/{cardNumber}/stamps");
        Assert.Contains(endpoints, e => e.Key == "POST /api/admin/v1/merchants");
        var uncovered = endpoints.Where(e => !ValidRequests.All.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(uncovered.Count == 0, $"Endpoints without fuzz cases (add a valid request to ValidRequests): {string.Join(", ", uncovered)}");

        using var client = app.App.CreateClient(bearerToken: null);
        var defects = new List<string>();
        var baseline = await DatabaseSnapshot.TakeAsync(app.App.ConnectionString);
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            var template = ValidRequests.All[endpoint.Key];
            var cases = FuzzCases.For(unique => template.Build(app.A1, WebApp.BootstrapToken, $"fuzz-{i}-{unique}"));
            Assert.Equal(endpoint.AcceptsBody, template.Build(app.A1, WebApp.BootstrapToken, "shape").Body is not null);
            Assert.InRange(cases.Count, 1, FuzzCases.MaxCasesPerEndpoint);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var fuzz in cases)
                baseline = await RunAsync(client, fuzz, baseline, defects);
            output.WriteLine($"{endpoint.Key}: {cases.Count} cases in {watch.ElapsedMilliseconds} ms");

            // The valid request itself still succeeds afterwards (the pairing code is still usable, the PIN not locked,
            // ...): the cases were refused for what they broke, not for the request they started from.
            var valid = template.Build(app.A1, WebApp.BootstrapToken, $"valid-{i}");
            using var response = await client.SendAsync(valid.ToMessage());
            var answer = await ApiAnswer.ReadAsync(response);
            if (!answer.Accepted)
                defects.Add($"{valid.Key} [the valid request after the cases]: {answer.Status} {answer.Text}");
            baseline = await DatabaseSnapshot.TakeAsync(app.App.ConnectionString);
        }

        Assert.True(defects.Count == 0, $"{defects.Count} defects:{Environment.NewLine}{string.Join(Environment.NewLine, defects)}");
    }

    private async Task<DatabaseSnapshot> RunAsync(HttpClient client, FuzzCase fuzz, DatabaseSnapshot before, List<string> defects)
    {
        ApiAnswer answer;
        try
        {
            using var message = fuzz.Request.ToMessage();
            using var response = await client.SendAsync(message);
            answer = await ApiAnswer.ReadAsync(response);
        }
        catch (HttpRequestException exception)
        {
            defects.Add($"{fuzz}: no answer ({exception.Message})");
            return await DatabaseSnapshot.TakeAsync(app.App.ConnectionString);
        }

        defects.AddRange(answer.Defects.Select(d => $"{fuzz}: {d}: {answer.Text}"));
        var after = await DatabaseSnapshot.TakeAsync(app.App.ConnectionString);
        if (answer.Accepted && !fuzz.MayBeAccepted)
            defects.Add($"{fuzz}: accepted with {answer.Status}, must be refused: {answer.Text}");
        if (answer.Accepted && fuzz.Request.Method != "GET")
            return after;

        // A well-formed request that a program rule refuses (422, e.g. -1 stamps on a card without stamps) keeps its
        // answer under its idempotency key, for replays (terminal-api-v1, Idempotency).
        if (fuzz.MayBeAccepted && answer.DecidingStatuses.All(s => s == 422))
            return after;
        if (after.DifferenceFrom(before) is { Length: > 0 } changed)
            defects.Add($"{fuzz}: answered {string.Join('/', answer.DecidingStatuses)} but changed {changed}");
        return after;
    }
}
