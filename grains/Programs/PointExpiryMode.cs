using System.Text.Json.Serialization;
using Loyalty.Grains.Json;

namespace Loyalty.Grains.Programs;

[JsonConverter(typeof(CamelCaseEnumConverter<PointExpiryMode>))]
public enum PointExpiryMode
{
    None,
    AfterEarning,
    Inactivity,
}
