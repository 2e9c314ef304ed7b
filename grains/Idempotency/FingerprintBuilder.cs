using System.Globalization;
using Loyalty.Grains.Hashing;

namespace Loyalty.Grains.Idempotency;

/// <summary>
/// Builds a request fingerprint from typed values, for callers that hold a typed command rather than JSON. Produces
/// the same fingerprint as <see cref="RequestFingerprint.FromJson"/> for the same values: numbers as canonical
/// decimals, strings trimmed (currency upper-cased, e-mail lower-cased), dates as yyyy-MM-dd strings, absent as null.
/// </summary>
public sealed class FingerprintBuilder
{
    // Each kind's fields in ordinal order, sorted once: every card operation builds a fingerprint.
    private static readonly Dictionary<string, string[]> SortedFields = FingerprintFields.Kinds.ToDictionary(
        kind => kind, kind => FingerprintFields.For(kind).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private readonly string _kind;
    private readonly string[] _fields;
    private readonly string?[] _values;

    public FingerprintBuilder(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        _fields = SortedFields.GetValueOrDefault(kind) ?? FingerprintFields.For(kind).ToArray();
        _values = new string?[_fields.Length];
        _kind = kind;
    }

    public FingerprintBuilder Add(string field, string? value) =>
        Set(field, value is null ? null : "s:" + CanonicalValues.NormalizeString(field, value));

    public FingerprintBuilder Add(string field, long? value) =>
        Set(field, value is null ? null : "n:" + value.Value.ToString(CultureInfo.InvariantCulture));

    public FingerprintBuilder Add(string field, DateOnly? value) =>
        Add(field, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Adds a value already in canonical form (used by the JSON path).</summary>
    internal FingerprintBuilder AddCanonical(string field, string? canonical) => Set(field, canonical);

    /// <summary>SHA-256, lowercase hex, over the kind and every defining field (absent ones as null), sorted by name.</summary>
    public string Build()
    {
        var encoder = new CanonicalEncoder(RequestFingerprint.Domain).Add("kind", _kind);
        for (var i = 0; i < _fields.Length; i++)
            encoder.Add(_fields[i], _values[i]);
        return encoder.Sha256Hex();
    }

    private FingerprintBuilder Set(string field, string? canonical)
    {
        var index = Array.IndexOf(_fields, field);
        if (index < 0)
            throw new ArgumentException($"'{field}' does not define a {_kind} operation.", nameof(field));
        _values[index] = canonical;
        return this;
    }
}
