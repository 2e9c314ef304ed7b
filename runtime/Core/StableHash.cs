using System.Text;

namespace Loyalty.Runtime.Core;

/// <summary>
/// A process-independent 32-bit hash: FNV-1a over UTF-8 followed by the MurmurHash3 finaliser, which
/// spreads short keys evenly over the ring. System.IO.Hashing does not restore from our package source.
/// </summary>
public static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Compute(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> buffer = stackalloc byte[256];
        var byteCount = Encoding.UTF8.GetMaxByteCount(value.Length) <= buffer.Length
            ? Encoding.UTF8.GetBytes(value, buffer)
            : -1;
        return byteCount >= 0 ? Compute(buffer[..byteCount]) : Compute(Encoding.UTF8.GetBytes(value));
    }

    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }

        return Mix(hash);
    }

    public static uint Combine(uint first, uint second) => Mix((first * 31) + second);

    private static uint Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
