using Loyalty.Runtime.Core;
using Loyalty.Runtime.Placement;

namespace Loyalty.Runtime.Tests.Placement;

public sealed class HashRingTests
{
    private static readonly RingMember A = Member("00000000-0000-0000-0000-00000000000a");
    private static readonly RingMember B = Member("00000000-0000-0000-0000-00000000000b");
    private static readonly RingMember C = Member("00000000-0000-0000-0000-00000000000c");

    private static readonly GrainId[] Grains = [.. Enumerable.Range(0, 30_000).Select(i => GrainId.Create("card", i))];

    [Fact]
    public void An_empty_ring_has_no_owner()
    {
        Assert.Null(HashRing.Empty.OwnerOf(Grains[0]));
        Assert.Null(HashRing.Empty.OwnerOf(12345u, except: A.SiloId));
        Assert.Empty(HashRing.Empty.RangesOf(A.SiloId));
    }

    [Fact]
    public void A_single_silo_owns_every_grain_and_the_whole_ring()
    {
        var ring = HashRing.Build([A]);

        Assert.All(Grains.Take(1000), g => Assert.Equal(A, ring.OwnerOf(g)));
        Assert.Equal([Loyalty.Runtime.Reminders.GrainHashRange.FullRing], ring.RangesOf(A.SiloId));
    }

    [Fact]
    public void Owners_do_not_depend_on_the_order_silos_are_listed_in()
    {
        var one = HashRing.Build([A, B, C]);
        var other = HashRing.Build([C, A, B, A]);

        Assert.All(Grains.Take(5000), g => Assert.Equal(one.OwnerOf(g), other.OwnerOf(g)));
    }

    [Fact]
    public void Three_silos_share_the_grains_within_a_fair_margin()
    {
        var ring = HashRing.Build([A, B, C]);

        var shares = Grains.GroupBy(g => ring.OwnerOf(g)!.SiloId).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, shares.Count);
        Assert.All(shares.Values, count => Assert.InRange(count, Grains.Length / 3 * 0.75, Grains.Length / 3 * 1.25));
    }

    [Fact]
    public void Adding_a_silo_moves_only_grains_to_the_new_silo()
    {
        var before = HashRing.Build([A, B]);
        var after = HashRing.Build([A, B, C]);

        var moved = Grains.Where(g => before.OwnerOf(g) != after.OwnerOf(g)).ToList();

        Assert.All(moved, g => Assert.Equal(C, after.OwnerOf(g)));
        Assert.InRange(moved.Count, Grains.Length / 3 * 0.75, Grains.Length / 3 * 1.25);
    }

    [Fact]
    public void Without_a_silo_its_grains_go_to_the_silo_that_would_own_them_if_it_were_gone()
    {
        var all = HashRing.Build([A, B, C]);
        var withoutB = HashRing.Build([A, C]);

        Assert.All(Grains.Take(5000), g => Assert.Equal(withoutB.OwnerOf(g), all.OwnerOf(g.GetUniformHashCode(), except: B.SiloId)));
        Assert.Null(HashRing.Build([B]).OwnerOf(42u, except: B.SiloId));
    }

    [Fact]
    public void Each_silos_ranges_hold_exactly_the_hashes_it_owns()
    {
        var ring = HashRing.Build([A, B, C]);
        var ranges = new[] { A, B, C }.ToDictionary(m => m.SiloId, m => ring.RangesOf(m.SiloId));

        Assert.All(ranges.Values, r => Assert.Equal(HashRing.VirtualNodesPerSilo, r.Count));
        var probes = Grains.Select(g => g.GetUniformHashCode()).Concat([0u, 1u, uint.MaxValue, uint.MaxValue - 1]);
        Assert.All(probes, hash =>
        {
            var holders = ranges.Where(r => r.Value.Any(range => range.Contains(hash))).Select(r => r.Key).ToList();
            Assert.Equal([ring.OwnerOf(hash)!.SiloId], holders);
        });
    }

    private static RingMember Member(string id) => new(Guid.Parse(id), id[^1..], $"silo-{id[^1..]}:11111");
}
