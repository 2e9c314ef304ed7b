using System.Text.Json.Serialization;

namespace Loyalty.Grains.Programs;

/// <summary>An ISO 4217 currency and its minor-unit exponent (2 for EUR: 1 euro = 100 cents; 0 for JPY).</summary>
public sealed record Currency(string Code, int MinorUnitExponent)
{
    [JsonIgnore]
    public long MinorUnitsPerMajorUnit
    {
        get
        {
            long factor = 1;
            for (var i = 0; i < MinorUnitExponent; i++)
                factor *= 10;
            return factor;
        }
    }
}
