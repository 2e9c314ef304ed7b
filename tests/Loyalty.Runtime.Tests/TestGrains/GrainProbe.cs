using System.Collections.Concurrent;
using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>
/// What test grains report to the test: lifecycle events, reminder ticks and gates the test opens.
/// Registered as a singleton; the same instance may serve several silos so a test sees them all.
/// </summary>
public sealed class GrainProbe
{
    private readonly ConcurrentDictionary<GrainId, GrainEvents> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);

    public GrainEvents For(GrainId grainId) => _events.GetOrAdd(grainId, _ => new GrainEvents());

    /// <summary>A gate grains wait on until the test opens it.</summary>
    public TaskCompletionSource Gate(string name) =>
        _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
