using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace Loyalty.Testing;

/// <summary>How a <see cref="LoyaltyTestCluster"/> is built. The defaults make a one-silo cluster on the real clock.</summary>
public sealed record LoyaltyTestClusterOptions
{
    /// <summary>How many silos start with the cluster.</summary>
    public short Silos { get; init; } = 1;

    /// <summary>
    /// When true, the grains and the reminder service run on one <see cref="ManualTimeProvider"/> shared by every silo
    /// (<see cref="LoyaltyTestCluster.Clock"/>), starting at <see cref="ClockStart"/>; Orleans' own loops (membership,
    /// messaging, directory, activation collection) stay on real time.
    /// </summary>
    public bool ManualClock { get; init; }

    /// <summary>Where the manual clock starts.</summary>
    public DateTimeOffset ClockStart { get; init; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// An existing database to run on (one another cluster used, to test what a new activation reloads); unset: a new
    /// database on the shared test server.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>The start of the test database's name (a unique suffix is added).</summary>
    public string DatabasePrefix { get; init; } = "cluster";

    /// <summary>
    /// Most connections one silo opens. Several clusters share the test server (200 connections), so each silo gets far
    /// fewer than the product's 50.
    /// </summary>
    public int MaxPoolSize { get; init; } = 12;

    /// <summary>
    /// How long a grain call waits for its answer before it fails, on silos and on the client (Orleans: 30 seconds). A
    /// call whose silo was killed fails when this runs out, so tests that kill silos shorten it.
    /// </summary>
    public TimeSpan? ResponseTimeout { get; init; }

    /// <summary>
    /// Detects a killed silo within a few seconds (probes every second, two missed probes, one vote), instead of
    /// Orleans' production settings; for tests that kill silos.
    /// </summary>
    public bool FastFailureDetection { get; init; }

    /// <summary>Anything else a test needs on every silo's host (logging providers, services).</summary>
    public Action<IHostApplicationBuilder>? ConfigureSiloHost { get; init; }

    /// <summary>Anything else a test needs on every silo (Orleans options).</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; init; }
}
