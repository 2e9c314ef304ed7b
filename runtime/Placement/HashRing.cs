using Loyalty.Runtime.Core;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Placement;

/// <summary>
/// A consistent-hash ring: each silo places <see cref="VirtualNodesPerSilo"/> points on the 32-bit ring, and a
/// grain belongs to the silo of the first point at or after its hash (wrapping). Adding or removing a silo moves
/// only the grains between its points and their predecessors: about 1/N of them.
/// </summary>
internal sealed class HashRing
{
    /// <summary>Enough points that three silos get shares within about 10% of each other.</summary>
    public const int VirtualNodesPerSilo = 64;

    public static readonly HashRing Empty = new([], [], []);

    private readonly uint[] _points;
    private readonly int[] _owners;

    private HashRing(uint[] points, int[] owners, RingMember[] members)
    {
        _points = points;
        _owners = owners;
        Members = members;
    }

    /// <summary>The silos on the ring, ordered by silo id.</summary>
    public IReadOnlyList<RingMember> Members { get; }

    public bool IsEmpty => Members.Count == 0;

    public static HashRing Build(IEnumerable<RingMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var ordered = members.DistinctBy(m => m.SiloId).OrderBy(m => m.SiloId).ToArray();
        if (ordered.Length == 0)
        {
            return Empty;
        }

        var nodes = new List<(uint Point, int Owner)>(ordered.Length * VirtualNodesPerSilo);
        for (var owner = 0; owner < ordered.Length; owner++)
        {
            var seed = StableHash.Compute(ordered[owner].SiloId.ToString("N"));
            for (var i = 0; i < VirtualNodesPerSilo; i++)
            {
                nodes.Add((StableHash.Combine(seed, (uint)i), owner));
            }
        }

        // Ties (vanishingly rare) go to the lower silo id, the same way on every silo.
        nodes.Sort((a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Owner.CompareTo(b.Owner));
        return new HashRing([.. nodes.Select(n => n.Point)], [.. nodes.Select(n => n.Owner)], ordered);
    }

    /// <summary>The silo that owns <paramref name="hash"/>, or null on an empty ring.</summary>
    public RingMember? OwnerOf(uint hash) => _points.Length == 0 ? null : Members[_owners[FirstPointAtOrAfter(hash)]];

    /// <summary>
    /// The silo that would own <paramref name="hash"/> without <paramref name="except"/>: its successor on the ring.
    /// Null when no other silo is on it.
    /// </summary>
    public RingMember? OwnerOf(uint hash, Guid except)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var start = FirstPointAtOrAfter(hash);
        for (var step = 0; step < _points.Length; step++)
        {
            var owner = Members[_owners[(start + step) % _points.Length]];
            if (owner.SiloId != except)
            {
                return owner;
            }
        }

        return null;
    }

    public RingMember? OwnerOf(GrainId grainId) => OwnerOf(grainId.GetUniformHashCode());

    private int FirstPointAtOrAfter(uint hash)
    {
        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        // Equal points: the first of them owns it (BinarySearch may land on any).
        while (index > 0 && _points[index - 1] == hash)
        {
            index--;
        }

        return index == _points.Length ? 0 : index;
    }

    public bool Contains(Guid siloId) => Members.Any(m => m.SiloId == siloId);

    /// <summary>The ranges of the ring that <paramref name="siloId"/> owns: (previous point, own point] each.</summary>
    public IReadOnlyList<GrainHashRange> RangesOf(Guid siloId)
    {
        if (Members.Count == 1 && Members[0].SiloId == siloId)
        {
            return [GrainHashRange.FullRing];
        }

        var ranges = new List<GrainHashRange>();
        for (var i = 0; i < _points.Length; i++)
        {
            if (Members[_owners[i]].SiloId != siloId)
            {
                continue;
            }

            var previous = _points[i == 0 ? _points.Length - 1 : i - 1];
            if (previous != _points[i])
            {
                ranges.Add(new GrainHashRange(previous, _points[i]));
            }
        }

        return ranges;
    }
}

/// <summary>A silo on the ring: its identity and where it takes cluster calls.</summary>
internal sealed record RingMember(Guid SiloId, string Name, string Address);
