using System.Globalization;
using System.Text.Json;
using Loyalty.Bench;
using Loyalty.Bench.Analytics;
using Loyalty.Bench.Cards;
using Loyalty.Bench.Email;
using Loyalty.Bench.Scenarios;
using Loyalty.Database;
using Loyalty.Silo.Hosting;
using Loyalty.Web.Hosting;
using Loyalty.Web.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;

// dotnet run -c Release --project bench/Loyalty.Bench -- <calls|writes|memory|baseline-hot|grains-hot|api-hot|baseline-many|grains-many|api-many|card-memory|cards|all|email|analytics|card-search>
//   (or several, comma-separated: baseline-hot,grains-hot,api-hot)
//   [--seconds N] [--warmup N] [--concurrency N] [--grains N] [--cards N] [--rounds N] [--allocations] [--sessions] [--out file.json]
// Uses ConnectionStrings:Loyalty when set (an empty database of its own: the bench migrates it and fills it), otherwise
// a fresh embedded PostgreSQL (fsync on) in a temporary folder, deleted at the end.
var settings = BenchSettings.Parse(args);
var dataDirectory = Path.Combine(Path.GetTempPath(), $"loyalty-bench-{Environment.ProcessId}");

// The real web frontend with its co-hosted Orleans silo (AddLoyaltySilo: PostgreSQL clustering, grain storage,
// reminders, the real grains and the bench's own), over Kestrel on a loopback port, in this process.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Loyalty:DataDirectory"] = dataDirectory,
    ["Loyalty:Cluster:Id"] = "loyalty-bench",
    ["Loyalty:Admin:BootstrapToken"] = CardFixture.BootstrapToken,
    ["Loyalty:Demo:Seed"] = "false",
    ["Loyalty:Terminal:PairRequestsPerMinute"] = "10000",
    ["Loyalty:Terminal:PinVerificationsPerMinute"] = "10000",
    ["Loyalty:Terminal:EnrollmentsPerMinute"] = "10000",

    // No dispatcher on the bench's silo: enrolments of the card scenarios are not mailed. The email scenario runs its own.
    ["Loyalty:Email:Dispatch:Enabled"] = "false",
    ["urls"] = "http://127.0.0.1:0",

    // The frontend's own logging (Serilog, one event per request), written only from Warning up: a line per request on
    // the console would measure the terminal, not the platform.
    ["Serilog:MinimumLevel:Default"] = "Warning",
    ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
    ["Serilog:WriteTo:0:Name"] = "Console",
}).AddEnvironmentVariables();
builder.AddLoyaltyLogging();
builder.AddLoyaltySilo();
builder.AddLoyaltyWeb();

// The site's services (Razor Pages, localization): UseLoyaltyWeb maps the site's pages too.
builder.AddLoyaltySite();

// Room for one connection per terminal of the baseline (whose handlers each hold one for a whole transaction) and more.
builder.Services.PostConfigure<DatabaseOptions>(o => o.MaxPoolSize = Math.Max(o.MaxPoolSize, settings.Concurrency + 16));

await using var host = builder.Build();
host.UseLoyaltyWeb();
try
{
    await host.StartAsync();
    var database = host.Services.GetRequiredService<NpgsqlDataSource>();
    var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    var orleans = new OrleansScenarios(grains, database, settings);
    await using var cards = new CardScenarios(host.Services, address, settings);
    IReadOnlyList<string> names = settings.Scenario switch
    {
        "all" => [.. OrleansScenarios.Names, .. CardScenarios.Names],
        "cards" => CardScenarios.Names,
        _ => settings.Scenario.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };
    if (names.Contains(AnalyticsScenario.Name))
    {
        await new AnalyticsScenario(host.Services, address, settings).RunAsync();
        names = [.. names.Where(name => name != AnalyticsScenario.Name)];
        if (names.Count == 0)
        {
            return;
        }
    }

    if (names.Contains(CardSearchScenario.Name))
    {
        await new CardSearchScenario(host.Services, settings).RunAsync();
        names = [.. names.Where(name => name != CardSearchScenario.Name)];
        if (names.Count == 0)
        {
            return;
        }
    }

    if (names.Contains(EmailScenario.Name))
    {
        await new EmailScenario(host.Services, address, settings).RunAsync();
        names = [.. names.Where(name => name != EmailScenario.Name)];
        if (names.Count == 0)
        {
            return;
        }
    }

    var results = new List<ScenarioResult>();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, concurrency {settings.Concurrency}, {settings.Seconds} s per scenario after {settings.WarmUpSeconds} s warm-up; load average {LoadAverage()}"));
    foreach (var name in CardScenarios.InRounds(names, settings.Rounds))
    {
        Console.WriteLine($"{name}... (load average {LoadAverage()})");
        results.Add(CardScenarios.Names.Contains(CardScenarios.BaseName(name)) ? await cards.RunAsync(name) : await orleans.RunAsync(name));
    }

    var table = ResultTable.WithRatios(results);
    Console.WriteLine();
    Console.WriteLine($"load average at the end: {LoadAverage()}");
    ResultTable.Print(table, Console.Out);
    if (settings.Rounds > 1)
    {
        Console.WriteLine();
        ResultTable.PrintRatioMedians(table, Console.Out);
    }

    if (settings.Output is { } output)
    {
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(table, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"Results written to {output}");
    }
}
finally
{
    await host.StopAsync();
    if (Directory.Exists(dataDirectory))
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
}

// The machine's 1, 5 and 15 minute load averages (Linux): on a shared machine, what else was running.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
