using System.Text.Json;
using Loyalty.Bench;
using Loyalty.Bench.Grains;
using Loyalty.Bench.Scenarios;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// dotnet run -c Release --project bench/Loyalty.Bench -- <calls|writes|hot-grain|all> [--seconds N] [--concurrency N] [--grains N] [--out file.json]
// Uses ConnectionStrings:Loyalty when set, otherwise a fresh embedded PostgreSQL (fsync on) in a temporary folder.
var settings = BenchSettings.Parse(args);
var dataDirectory = Path.Combine(Path.GetTempPath(), $"loyalty-bench-{Environment.ProcessId}");
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Loyalty:DataDirectory"] = dataDirectory,
});
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddLoyaltyDatabase(builder.Configuration);
builder.Services.AddGrainRuntime(builder.Configuration, typeof(PingGrain).Assembly);

using var host = builder.Build();
await host.StartAsync();
try
{
    var database = host.Services.GetRequiredService<NpgsqlDataSource>();
    await using (var create = database.CreateCommand(BenchLedger.CreateTable))
    {
        await create.ExecuteNonQueryAsync();
    }

    var scenarios = new RuntimeScenarios(host.Services.GetRequiredService<IGrainFactory>(), database, settings);
    var names = settings.Scenario == "all" ? RuntimeScenarios.Names : [settings.Scenario];
    var results = new List<ScenarioResult>();
    Console.WriteLine($"{Environment.ProcessorCount} cores, concurrency {settings.Concurrency}, {settings.Seconds} s per scenario after {settings.WarmUpSeconds} s warm-up");
    foreach (var name in names)
    {
        Console.WriteLine($"{name}...");
        results.Add(await scenarios.RunAsync(name));
    }

    Console.WriteLine();
    Console.WriteLine($"| {"scenario",-10} | {"ops/s",10} | {"p50 ms",8} | {"p99 ms",8} | description");
    Console.WriteLine($"| {new string('-', 10)} | {new string('-', 10)} | {new string('-', 8)} | {new string('-', 8)} | -----------");
    foreach (var r in results)
    {
        Console.WriteLine($"| {r.Scenario,-10} | {r.OperationsPerSecond,10:N0} | {r.P50Milliseconds,8:F2} | {r.P99Milliseconds,8:F2} | {r.Description}");
    }

    if (settings.Output is { } output)
    {
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
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
