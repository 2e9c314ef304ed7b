using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Programs;

[JsonConverter(typeof(CamelCaseEnumConverter<Tier>))]
public enum Tier
{
    Bronze,
    Silver,
    Gold,
}
