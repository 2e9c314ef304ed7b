using System.Text.Json.Serialization;
using Loyalty.Grains.Json;

namespace Loyalty.Grains.Programs;

[JsonConverter(typeof(CamelCaseEnumConverter<Tier>))]
public enum Tier
{
    Bronze,
    Silver,
    Gold,
}
