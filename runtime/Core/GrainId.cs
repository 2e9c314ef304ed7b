using System.Globalization;

namespace Loyalty.Runtime.Core;

/// <summary>
/// The identity of a grain: its type name and its key, printed as <c>type/key</c>.
/// Long keys are printed in invariant decimal, Guid keys as 32 lower-case hex digits.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
    }

    public string Type { get; }

    public string Key { get; }

    public bool IsDefault => Type is null;

    public static GrainId Create(string type, string key) => new(type, key);

    public static GrainId Create(string type, Guid key) => new(type, key.ToString("N"));

    public static GrainId Create(string type, long key) => new(type, key.ToString(CultureInfo.InvariantCulture));

    /// <summary>Parses <c>type/key</c> as printed by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }

        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    public Guid GetGuidKey() => Guid.ParseExact(Key, "N");

    public long GetIntegerKey() => long.Parse(Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>
    /// A hash that is the same on every process and machine (unlike <see cref="string.GetHashCode()"/>):
    /// placement and reminder partitioning depend on it.
    /// </summary>
    public uint GetUniformHashCode() => StableHash.Combine(StableHash.Compute(Type), StableHash.Compute(Key));

    public bool Equals(GrainId other) => string.Equals(Type, other.Type, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, Key);

    public override string ToString() => $"{Type}/{Key}";

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}
