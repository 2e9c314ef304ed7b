using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

[Reentrant]
public sealed class ReentrantGateGrain(GrainProbe probe) : Grain, IReentrantGateGrain
{
    private int _bumps;

    public async Task<string> WaitAsync(string gate)
    {
        var events = probe.For(GrainId);
        events.Enter();
        try
        {
            await probe.Gate(gate).Task;
            return gate;
        }
        finally
        {
            events.Leave();
        }
    }

    public async Task<int> BumpAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            // Read, yield, write: only safe because an activation runs one turn at a time.
            var value = _bumps;
            await Task.Yield();
            _bumps = value + 1;
        }

        return _bumps;
    }
}
