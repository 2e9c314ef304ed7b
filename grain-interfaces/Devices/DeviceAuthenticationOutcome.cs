using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Devices;

[JsonConverter(typeof(CamelCaseEnumConverter<DeviceAuthenticationOutcome>))]
[GenerateSerializer]
[Alias("loyalty.devices.DeviceAuthenticationOutcome")]
public enum DeviceAuthenticationOutcome
{
    /// <summary>The token is this device's and the device is active.</summary>
    Active,

    /// <summary>The token is this device's and the device was revoked.</summary>
    Revoked,

    /// <summary>The device does not exist or the token is not its token.</summary>
    Unknown,
}
