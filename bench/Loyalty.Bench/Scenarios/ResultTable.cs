using System.Globalization;

namespace Loyalty.Bench.Scenarios;

/// <summary>Adds each card scenario's ratio to its baseline, and prints results as a Markdown table.</summary>
public static class ResultTable
{
    public static IReadOnlyList<ScenarioResult> WithRatios(IReadOnlyList<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Select(r =>
        {
            var dash = r.Scenario.IndexOf('-', StringComparison.Ordinal);
            var baseline = dash < 0 ? null : results.FirstOrDefault(b => b.Scenario == "baseline" + r.Scenario[dash..]);
            if (baseline is null || baseline.OperationsPerSecond <= 0)
            {
                return r;
            }

            var extra = new Dictionary<string, double>(r.Extra) { ["ratioToBaseline"] = r.OperationsPerSecond / baseline.OperationsPerSecond };
            return r with { Extra = extra };
        }).ToList();
    }

    public static void Print(IReadOnlyList<ScenarioResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("| scenario | ops/s | p50 ms | p99 ms | × baseline | Npgsql ops/op | commits/op | rows written/op | WAL KB/op | .NET CPU µs/op | PostgreSQL CPU µs/op | .NET KB allocated/op | gen2 GCs | description |");
        writer.WriteLine("| -------- | ----: | -----: | -----: | ---------: | ------------: | ---------: | --------------: | --------: | -------------: | -------------------: | -------------------: | -------: | ----------- |");
        foreach (var r in results)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.OperationsPerSecond:N0} | {r.P50Milliseconds:F2} | {r.P99Milliseconds:F2} | {Cell(r, "ratioToBaseline")} | {Cell(r, "npgsqlOperationsPerStamp")} | {Cell(r, "commitsPerStamp")} | {Cell(r, "rowsWrittenPerStamp")} | {Cell(r, "walKilobytesPerStamp", "F2")} | {Cell(r, "processCpuMicrosecondsPerStamp", "F0")} | {Cell(r, "serverCpuMicrosecondsPerStamp", "F0")} | {Cell(r, "allocatedKilobytesPerStamp", "F1")} | {Cell(r, "gen2Collections", "F0")} | {r.Description} |"));
        }
    }

    private static string Cell(ScenarioResult result, string key, string format = "F2") =>
        result.Extra.TryGetValue(key, out var value) ? value.ToString(format, CultureInfo.InvariantCulture) : "";
}
