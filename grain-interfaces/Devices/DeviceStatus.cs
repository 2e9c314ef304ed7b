using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Devices;

[JsonConverter(typeof(CamelCaseEnumConverter<DeviceStatus>))]
[GenerateSerializer]
[Alias("loyalty.devices.DeviceStatus")]
public enum DeviceStatus
{
    Active,
    Revoked,
}
