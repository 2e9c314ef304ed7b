using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.TerminalClient;

/// <summary>The contract's JSON: camelCase names, ISO 8601 times; absent optional fields are left out rather than sent as null.</summary>
internal static class TerminalJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
