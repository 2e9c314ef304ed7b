using Loyalty.Runtime.Tests.TestGrains;

namespace Loyalty.Runtime.Tests.Transport;

/// <summary>Two silos on web hosts sharing one database; requests larger than 4 KiB are refused.</summary>
public sealed class TransportCluster : IAsyncLifetime
{
    public const int MaxRequestBodySize = 4096;

    public RuntimeDatabase Database { get; } = new();

    public GrainProbe Probe { get; } = new();

    public RecordingLoggerProvider Logs { get; } = new();

    public TransportSilo A { get; private set; } = null!;

    public TransportSilo B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var settings = new Dictionary<string, string?> { ["Loyalty:Cluster:MaxRequestBodySize"] = $"{MaxRequestBodySize}" };
        A = await TransportSilo.StartAsync(Database.ConnectionString, Probe, Logs, settings);
        B = await TransportSilo.StartAsync(Database.ConnectionString, Probe, Logs, settings);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
