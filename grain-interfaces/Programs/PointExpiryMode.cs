using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Programs;

[JsonConverter(typeof(CamelCaseEnumConverter<PointExpiryMode>))]
[GenerateSerializer]
[Alias("loyalty.programs.PointExpiryMode")]
public enum PointExpiryMode
{
    None,
    AfterEarning,
    Inactivity,
}
