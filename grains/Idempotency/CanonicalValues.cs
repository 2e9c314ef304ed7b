using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Loyalty.Grains.Idempotency;

/// <summary>One spelling per value, so JSON formatting never changes a fingerprint. Type-tagged: 12 and "12" differ.</summary>
internal static class CanonicalValues
{
    public static string NormalizeString(string field, string value)
    {
        var trimmed = value.Trim();
        return field switch
        {
            "currency" => trimmed.ToUpperInvariant(),
            // E-mails compare case-insensitively for enrolment, so they must for idempotency too.
            "email" => trimmed.ToLowerInvariant(),
            _ => trimmed,
        };
    }

    public static string? FromJson(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String => "s:" + NormalizeString(field, value.GetString()!),
        JsonValueKind.Number => "n:" + Number(value),
        JsonValueKind.True => "b:true",
        JsonValueKind.False => "b:false",
        _ => "j:" + Structure(value),
    };

    private static string Number(JsonElement value)
    {
        if (value.TryGetInt64(out var integer))
            return integer.ToString(CultureInfo.InvariantCulture);
        if (value.TryGetDecimal(out var number))
        {
            // Dividing by 1.000... drops trailing zeros, so 12.50 and 1.25e1 spell the same.
            var normalized = number / 1.000000000000000000000000000000000m;
            return normalized.ToString(CultureInfo.InvariantCulture);
        }

        return value.GetDouble().ToString("R", CultureInfo.InvariantCulture);
    }

    private static string Structure(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                foreach (var property in value.EnumerateObject().OrderBy(property => property.Name, StringComparer.Ordinal))
                {
                    builder.Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    Write(builder, property.Value);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                foreach (var item in value.EnumerateArray())
                {
                    Write(builder, item);
                    builder.Append(',');
                }

                builder.Append(']');
                break;
            default:
                builder.Append(FromJson(string.Empty, value) ?? "null");
                break;
        }
    }
}
