using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

[Reentrant]
public sealed class ReentrantGateGrain(GrainProbe probe) : Grain, IReentrantGateGrain
{
    private int _running;
    private int _overlaps;

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
            if (Interlocked.Increment(ref _running) != 1)
            {
                _overlaps++;
            }

            Thread.SpinWait(50);
            Interlocked.Decrement(ref _running);
            await Task.Yield();
        }

        return _overlaps;
    }
}
