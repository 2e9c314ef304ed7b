using System.Text.RegularExpressions;

namespace Loyalty.Grains.Rules;

/// <summary>
/// Field checks shared by the admin commands. Besides lengths they refuse control characters and unpaired
/// surrogates: PostgreSQL cannot store NUL in text or jsonb, so letting one through would fail the write with a 500.
/// </summary>
public static partial class TextRules
{
    public const int MaxNameLength = 100;
    public const int MaxSlugLength = 63;

    /// <summary>A required single-line text of at most <paramref name="maxLength"/> characters.</summary>
    public static void Name(FieldErrors errors, string field, string? value, int maxLength = MaxNameLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(field, "Required.");
        else if (value.Length > maxLength)
            errors.Add(field, $"Must be at most {maxLength} characters.");
        else if (!IsClean(value, multiline: false))
            errors.Add(field, "Must not contain control characters.");
    }

    /// <summary>An optional text (newlines allowed) of at most <paramref name="maxLength"/> characters.</summary>
    public static void OptionalText(FieldErrors errors, string field, string? value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
            return;
        if (value.Length > maxLength)
            errors.Add(field, $"Must be at most {maxLength} characters.");
        else if (!IsClean(value, multiline: true))
            errors.Add(field, "Must not contain control characters other than line breaks and tabs.");
    }

    /// <summary>A required slug: lower-case letters, digits and hyphens, starting and ending with a letter or digit.</summary>
    public static void Slug(FieldErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(field, "Required.");
        else if (value.Length > MaxSlugLength)
            errors.Add(field, $"Must be at most {MaxSlugLength} characters.");
        else if (!SlugPattern().IsMatch(value))
            errors.Add(field, "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit.");
    }

    public static bool IsClean(string value, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
                return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return false;
        }

        return true;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
