using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Placement;

/// <summary>
/// A silo fires the reminders of the grains it owns on the ring of active silos, so each reminder fires on one
/// silo, and the survivors take over the ranges of a silo that died as soon as it is declared dead.
/// </summary>
internal sealed class PlacementReminderRanges(GrainRuntime runtime) : IReminderRanges
{
    private static readonly IReadOnlyList<GrainHashRange> WholeRing = [GrainHashRange.FullRing];

    public IReadOnlyList<GrainHashRange> Current
    {
        get
        {
            if (!runtime.IsClustered)
            {
                return WholeRing;
            }

            var owners = runtime.Placement.Current.Owners;
            return owners.Contains(runtime.Placement.LocalSiloId) ? owners.RangesOf(runtime.Placement.LocalSiloId) : [];
        }
    }
}
