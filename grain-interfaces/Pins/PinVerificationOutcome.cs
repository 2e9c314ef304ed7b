using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Pins;

[JsonConverter(typeof(CamelCaseEnumConverter<PinVerificationOutcome>))]
[GenerateSerializer]
[Alias("loyalty.pins.PinVerificationOutcome")]
public enum PinVerificationOutcome
{
    /// <summary>The PIN is right.</summary>
    Valid,

    /// <summary>The PIN is wrong and the PIN is not locked yet.</summary>
    Invalid,

    /// <summary>Offline failures were counted and the PIN is not locked.</summary>
    Recorded,

    /// <summary>The PIN is locked (possibly by this failure); a PIN presented while locked is not checked.</summary>
    Locked,

    /// <summary>No such PIN.</summary>
    NotFound,

    /// <summary>The PIN belongs to another store.</summary>
    Forbidden,
}
