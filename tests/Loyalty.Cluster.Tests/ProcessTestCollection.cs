namespace Loyalty.Cluster.Tests;

/// <summary>
/// The tests that start silo and frontend processes run one after another: each starts up to four .NET processes, and
/// side by side on a 2-core machine they would starve each other's probes and timings (the kill test measures recovery).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessTestCollection
{
    public const string Name = "Silo and frontend processes";
}
