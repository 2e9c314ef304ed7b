namespace Loyalty.Bench.Scenarios;

/// <summary>What one scenario measured.</summary>
public sealed record ScenarioResult(
    string Scenario,
    string Description,
    int Concurrency,
    long Operations,
    double Seconds,
    double OperationsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    IReadOnlyDictionary<string, double> Extra);
