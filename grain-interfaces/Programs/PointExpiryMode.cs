using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Programs;

[JsonConverter(typeof(CamelCaseEnumConverter<PointExpiryMode>))]
public enum PointExpiryMode
{
    None,
    AfterEarning,
    Inactivity,
}
