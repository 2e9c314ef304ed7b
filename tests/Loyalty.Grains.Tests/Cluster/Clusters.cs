using Loyalty.Grains.Cards;
using Loyalty.Testing;
using Microsoft.Extensions.Logging;

namespace Loyalty.Grains.Tests.Cluster;

/// <summary>
/// Three silos on one database, shared by the test classes of <see cref="ThreeSilos"/>: every card and key is the test's
/// own. Keeps what card grains log, to tell which paths an operation took.
/// </summary>
public sealed class ThreeSiloCluster : LoyaltyTestCluster
{
    public ThreeSiloCluster()
        : this(new RecordedLogs(typeof(CardGrain).FullName!))
    {
    }

    private ThreeSiloCluster(RecordedLogs logs)
        : base(Options(logs)) => CardLogs = logs;

    /// <summary>What the silos' card grains logged (every test of the collection, all cards).</summary>
    public RecordedLogs CardLogs { get; }

    private static LoyaltyTestClusterOptions Options(RecordedLogs logs) => new()
    {
        Silos = 3,
        DatabasePrefix = "three_silos",
        ConfigureSiloHost = host => host.Logging.AddProvider(logs),
    };
}

[CollectionDefinition(Name)]
public sealed class ThreeSilos : ICollectionFixture<ThreeSiloCluster>
{
    public const string Name = "three silos";
}

/// <summary>
/// Three silos for a test that kills one: a killed silo is declared dead within seconds, and a call it never answers
/// fails after 5 seconds (not Orleans' 30).
/// </summary>
public sealed class CrashCluster() : LoyaltyTestCluster(new LoyaltyTestClusterOptions
{
    Silos = 3,
    DatabasePrefix = "crash",
    FastFailureDetection = true,
    ResponseTimeout = TimeSpan.FromSeconds(5),
});

/// <summary>A <see cref="CrashCluster"/> whose grains and reminders run on the manual clock.</summary>
public sealed class ManualClockCrashCluster() : LoyaltyTestCluster(new LoyaltyTestClusterOptions
{
    Silos = 3,
    DatabasePrefix = "crash_clock",
    ManualClock = true,
    FastFailureDetection = true,
    ResponseTimeout = TimeSpan.FromSeconds(5),
});
