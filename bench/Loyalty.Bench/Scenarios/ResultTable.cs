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

    /// <summary>Per card scenario run in several rounds, the median of its ratios to the baseline of the same round, and their range.</summary>
    public static void PrintRatioMedians(IReadOnlyList<ScenarioResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        var compared = results.Where(r => r.Extra.ContainsKey("ratioToBaseline") && !r.Scenario.StartsWith("baseline-", StringComparison.Ordinal));
        foreach (var scenario in compared.GroupBy(r => Cards.CardScenarios.BaseName(r.Scenario)))
        {
            var ratios = scenario.Select(r => r.Extra["ratioToBaseline"]).Order().ToArray();
            var median = ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[(ratios.Length / 2) - 1] + ratios[ratios.Length / 2]) / 2;
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{scenario.Key}: × baseline median {median:F2} (from {ratios[0]:F2} to {ratios[^1]:F2} over {ratios.Length} rounds)"));
        }
    }

    private static string Cell(ScenarioResult result, string key, string format = "F2") =>
        result.Extra.TryGetValue(key, out var value) ? value.ToString(format, CultureInfo.InvariantCulture) : "";
}
