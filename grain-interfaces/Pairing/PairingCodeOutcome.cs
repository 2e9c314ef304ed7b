using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Pairing;

[JsonConverter(typeof(CamelCaseEnumConverter<PairingCodeOutcome>))]
[GenerateSerializer]
[Alias("loyalty.pairing.PairingCodeOutcome")]
public enum PairingCodeOutcome
{
    /// <summary>This call redeemed the code.</summary>
    Redeemed,

    /// <summary>The code was redeemed before.</summary>
    AlreadyUsed,

    /// <summary>The code's 10 minutes are over.</summary>
    Expired,

    /// <summary>The code was never issued.</summary>
    Unknown,
}
