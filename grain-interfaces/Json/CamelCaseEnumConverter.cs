using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.GrainInterfaces.Json;

/// <summary>
/// Persists enums by camelCase name rather than by number, so stored state and ledger rows stay readable and
/// survive a reordering of enum members. Applied on the enum types themselves, so it works with any options.
/// </summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
