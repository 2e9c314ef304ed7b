using System.Collections.Concurrent;
using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>The events of one grain, as its activations report them.</summary>
public sealed class GrainEvents
{
    private int _activations;
    private int _running;
    private int _maxRunning;

    public int Activations => Volatile.Read(ref _activations);

    public ConcurrentQueue<DeactivationReason> Deactivations { get; } = new();

    public ConcurrentQueue<string> Log { get; } = new();

    public ConcurrentQueue<TickStatus> Ticks { get; } = new();

    /// <summary>The most calls that ran at once (entered and not yet left).</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxRunning);

    public void Activated() => Interlocked.Increment(ref _activations);

    public void Deactivated(DeactivationReason reason) => Deactivations.Enqueue(reason);

    public void Enter()
    {
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }
    }

    public void Leave() => Interlocked.Decrement(ref _running);
}
