using Loyalty.Runtime.Activations;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class GateGrain(GrainProbe probe) : Grain, IGateGrain
{
    public Task<string> WaitAsync(string gate) => WaitCoreAsync(gate);

    public Task<string> ReadWaitAsync(string gate) => WaitCoreAsync(gate);

    public Task<string> PingAsync() => Task.FromResult("pong");

    private async Task<string> WaitCoreAsync(string gate)
    {
        var events = probe.For(GrainId);
        events.Enter();
        events.Log.Enqueue($"enter {gate}");
        try
        {
            await probe.Gate(gate).Task;
            return gate;
        }
        finally
        {
            events.Log.Enqueue($"leave {gate}");
            events.Leave();
        }
    }
}
