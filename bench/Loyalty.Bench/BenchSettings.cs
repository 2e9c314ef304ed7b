using System.Globalization;

namespace Loyalty.Bench;

/// <summary>
/// Command line: <c>&lt;scenario[,scenario…]&gt; [--seconds N] [--warmup N] [--concurrency N] [--grains N] [--cards N] [--rounds N]
/// [--allocations] [--sessions] [--out file.json]</c>. <c>--rounds</c> runs the card scenarios that many times in turn (baseline, grains, API, then
/// again), so each ratio is measured against a baseline run moments before it, and reports the ratios' medians.
/// <c>--allocations</c> prints, after each card scenario, the types its bytes were allocated as (sampled);
/// <c>--sessions</c> what the database's sessions were doing during it (sampled, see <see cref="Scenarios.SessionSampler"/>).
/// </summary>
public sealed record BenchSettings(string Scenario, double Seconds, double WarmUpSeconds, int Concurrency, int Grains, int Cards, string? Output, int Rounds = 1, bool Allocations = false, bool Sessions = false)
{
    public static BenchSettings Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var scenario = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        double Number(string name, double fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var outIndex = Array.IndexOf(args, "--out");
        var rounds = (int)Number("--rounds", 1);
        if (rounds < 1)
        {
            throw new ArgumentException($"--rounds must be at least 1, not {rounds}.", nameof(args));
        }

        return new BenchSettings(
            scenario,
            Number("--seconds", 10),
            Number("--warmup", 3),
            (int)Number("--concurrency", 64),
            (int)Number("--grains", 10_000),
            (int)Number("--cards", 10_000),
            outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null,
            rounds,
            Array.IndexOf(args, "--allocations") >= 0,
            Array.IndexOf(args, "--sessions") >= 0);
    }
}
