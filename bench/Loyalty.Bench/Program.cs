using Loyalty.Runtime.Transport;
using System.Text.Json;
using Loyalty.Bench;
using Loyalty.Bench.Cards;
using Loyalty.Bench.Grains;
using Loyalty.Bench.Scenarios;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Hosting;
using Loyalty.Runtime.Persistence;
using Loyalty.Runtime.Postgres;
using Loyalty.Grains.Hosting;
using Loyalty.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

// dotnet run -c Release --project bench/Loyalty.Bench -- <calls|writes|hot-grain|memory|baseline-hot|grains-hot|api-hot|baseline-many|grains-many|api-many|cards|all>
//   [--seconds N] [--warmup N] [--concurrency N] [--grains N] [--cards N] [--rounds N] [--allocations] [--sessions] [--out file.json]
// Uses ConnectionStrings:Loyalty when set, otherwise a fresh embedded PostgreSQL (fsync on) in a temporary folder.
var settings = BenchSettings.Parse(args);
var dataDirectory = Path.Combine(Path.GetTempPath(), $"loyalty-bench-{Environment.ProcessId}");

// The real frontend with its co-hosted silo and grains (the bench's own grains added), over Kestrel on a loopback port.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Loyalty:DataDirectory"] = dataDirectory,
    ["Loyalty:Admin:BootstrapToken"] = CardFixture.BootstrapToken,
    ["Loyalty:Demo:Seed"] = "false",
    ["Loyalty:Terminal:PairRequestsPerMinute"] = "10000",
    ["Loyalty:Terminal:PinVerificationsPerMinute"] = "10000",
    ["Loyalty:Terminal:EnrollmentsPerMinute"] = "10000",
    ["urls"] = "http://127.0.0.1:0",
}).AddEnvironmentVariables();
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.AddLoyaltySilo();
builder.AddLoyaltyWeb();
builder.Services.AddGrainAssembly(typeof(PingGrain).Assembly);

// Room for one connection per terminal of the baseline (whose handlers each hold one for a whole transaction) and more.
builder.Services.PostConfigure<DatabaseOptions>(o => o.MaxPoolSize = Math.Max(o.MaxPoolSize, settings.Concurrency + 16));

await using var host = builder.Build();
host.UseLoyaltyWeb();
await host.StartAsync();
try
{
    var database = host.Services.GetRequiredService<NpgsqlDataSource>();
    await using (var create = database.CreateCommand(BenchLedger.CreateTable))
    {
        await create.ExecuteNonQueryAsync();
    }

    var address = ApplicationAddresses.Of(host.Services)[0];
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    var scenarios = new RuntimeScenarios(grains, database, settings);
    await using var cards = new CardScenarios(grains, host.Services.GetRequiredService<GrainStateSerializer>(), database, address, settings);
    IReadOnlyList<string> names = settings.Scenario switch
    {
        "all" => [.. RuntimeScenarios.Names, .. CardScenarios.Names],
        "cards" => CardScenarios.Names,
        _ => [settings.Scenario],
    };
    var results = new List<ScenarioResult>();
    Console.WriteLine($"{Environment.ProcessorCount} cores, concurrency {settings.Concurrency}, {settings.Seconds} s per scenario after {settings.WarmUpSeconds} s warm-up");
    foreach (var name in CardScenarios.InRounds(names, settings.Rounds))
    {
        Console.WriteLine($"{name}...");
        results.Add(CardScenarios.Names.Contains(CardScenarios.BaseName(name)) ? await cards.RunAsync(name) : await scenarios.RunAsync(name));
    }

    var table = ResultTable.WithRatios(results);
    Console.WriteLine();
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
