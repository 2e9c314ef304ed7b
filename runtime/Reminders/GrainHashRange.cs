namespace Loyalty.Runtime.Reminders;

/// <summary>
/// A range of the hash ring, (<see cref="Begin"/>, <see cref="End"/>]: begin excluded, end included, wrapping
/// past <see cref="uint.MaxValue"/> when <see cref="Begin"/> is not below <see cref="End"/>. Begin equal to
/// end is the whole ring, as with a single silo.
/// </summary>
public readonly record struct GrainHashRange(uint Begin, uint End)
{
    public static GrainHashRange FullRing => new(0, 0);

    public bool IsFullRing => Begin == End;

    public bool IsWrapping => Begin > End;

    public bool Contains(uint hash) => IsFullRing
        || (IsWrapping ? hash > Begin || hash <= End : hash > Begin && hash <= End);
}
