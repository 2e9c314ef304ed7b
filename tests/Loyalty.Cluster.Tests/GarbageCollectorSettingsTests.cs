using System.Text.Json;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// The processes that host a silo run the server garbage collector, concurrent, without DATAS (ADR 0015), as their
/// built runtime configuration tells the .NET host.
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    [Theory]
    [InlineData(BuiltProcess.Silo)]
    [InlineData(BuiltProcess.Web)]
    public void HostingProcess_RunsTheServerGcWithoutDynamicAdaptation(string process)
    {
        var path = Path.ChangeExtension(BuiltProcess.AssemblyPath(process), ".runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.TryGetProperty("System.GC.Concurrent", out var concurrent) && !concurrent.GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }
}
