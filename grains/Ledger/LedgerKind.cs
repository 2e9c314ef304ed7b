using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.Grains.Ledger;

/// <summary>What a ledger entry records. Names match the terminal API's operation kinds where one exists.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<LedgerKind>))]
public enum LedgerKind
{
    Enrollment,
    Stamp,
    StampRedemption,
    Points,
    PointRedemption,
    WelcomeBonus,
    Adjustment,
    Void,
    Expiry,
    StatusChange,
}
