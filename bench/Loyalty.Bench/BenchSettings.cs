using System.Globalization;

namespace Loyalty.Bench;

/// <summary>Command line: <c>&lt;scenario&gt; [--seconds N] [--warmup N] [--concurrency N] [--grains N] [--cards N] [--out file.json]</c>.</summary>
public sealed record BenchSettings(string Scenario, double Seconds, double WarmUpSeconds, int Concurrency, int Grains, int Cards, string? Output)
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
        return new BenchSettings(
            scenario,
            Number("--seconds", 10),
            Number("--warmup", 3),
            (int)Number("--concurrency", 64),
            (int)Number("--grains", 10_000),
            (int)Number("--cards", 10_000),
            outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null);
    }
}
