using System.Collections.Concurrent;
using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Activations;

/// <summary>The activations of this silo, at most one per grain id.</summary>
internal sealed class Catalog(GrainRuntime runtime, GrainClassRegistry classes)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();

    // Kept as activations come and go, so heartbeats and the cluster page need not walk every activation.
    private readonly ConcurrentDictionary<string, int> _countByType = new(StringComparer.Ordinal);
    private volatile bool _closed;

    public int Count => _activations.Count;

    public bool IsClosed => _closed;

    /// <summary>Activates nothing new from now on (graceful shutdown, or the silo was declared dead).</summary>
    public void Close() => _closed = true;

    public ActivationData GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        if (_closed)
        {
            throw new SiloUnavailableException($"Silo {runtime.SiloName} is shutting down and activates no more grains; retry the call for {grainId}.");
        }

        if (!classes.TryGet(grainId.Type, out var classInfo))
        {
            throw new InvalidOperationException($"No grain class for grain type '{grainId.Type}' is registered on silo {runtime.SiloName}.");
        }

        // A racing caller may build a second ActivationData; construction has no side effects and only one is kept.
        var created = new ActivationData(grainId, classInfo, runtime);
        var activation = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(activation, created))
        {
            _countByType.AddOrUpdate(grainId.Type, 1, static (_, count) => count + 1);
        }

        return activation;
    }

    public bool TryGet(GrainId grainId, out ActivationData activation) => _activations.TryGetValue(grainId, out activation!);

    public void Remove(ActivationData activation)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation)))
        {
            _countByType.AddOrUpdate(activation.GrainId.Type, 0, static (_, count) => count - 1);
        }
    }

    public IReadOnlyCollection<ActivationData> Snapshot() => [.. _activations.Values];

    public IReadOnlyDictionary<string, int> CountByGrainType() =>
        _countByType.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    /// <summary>
    /// Graceful shutdown: activates nothing new, lets every activation drain its queue, flush and deactivate.
    /// When <paramref name="drainToken"/> fires first, the remaining activations stop draining and deactivate after
    /// their running calls, which may take up to <paramref name="deactivationTimeout"/> more.
    /// </summary>
    public async Task DeactivateAllAsync(TimeSpan deactivationTimeout, CancellationToken drainToken)
    {
        Close();

        // An activation created by a call that passed the check just before _closed was set shows up in a later round.
        for (var activations = Snapshot(); activations.Count > 0; activations = Snapshot())
        {
            foreach (var activation in activations)
            {
                activation.RequestDeactivation(DeactivationReason.ShuttingDown, drainFirst: !drainToken.IsCancellationRequested);
            }

            var all = Task.WhenAll(activations.Select(a => a.Deactivated));
            try
            {
                await all.WaitAsync(drainToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                foreach (var activation in activations)
                {
                    activation.RequestDeactivation(DeactivationReason.ShuttingDown, drainFirst: false);
                }

                await all.WaitAsync(deactivationTimeout, runtime.TimeProvider, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return;
            }
        }
    }
}
