using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class EchoGrain(GrainProbe probe) : Grain, IEchoGrain
{
    public Task<Echo> EchoAsync(Echo echo) => Task.FromResult(echo with { Text = $"{GrainId.Key}: {echo.Text}" });

    public Task RecordAsync(string value)
    {
        probe.For(GrainId).Log.Enqueue(value);
        return Task.CompletedTask;
    }

    public Task FailAsync(string kind, string message) => throw (kind switch
    {
        "argument" => new ArgumentException(message, nameof(message)),
        "invalid" => new InvalidOperationException(message),
        "key" => new KeyNotFoundException(message),
        "inconsistent" => new InconsistentStateException(message),
        "cycle" => new CallCycleException(message),
        _ => (Exception)new NotSupportedException(message),
    });

    public async Task<long> HoldAsync(string gate)
    {
        var id = RuntimeContext.Current!.Id;
        probe.For(GrainId).Log.Enqueue($"hold {id}");
        await probe.Gate(gate).Task;
        return id;
    }
}
