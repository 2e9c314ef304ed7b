using System.Text.RegularExpressions;
using Loyalty.GrainInterfaces.Text;

namespace Loyalty.Grains.Rules;

/// <summary>
/// Field checks shared by the admin commands. Besides lengths they refuse control characters and unpaired
/// surrogates (<see cref="CleanText"/>, the rule the web edge applies too).
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
            errors.Add(field, CleanText.SingleLineMessage);
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
            errors.Add(field, CleanText.MultiLineMessage);
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

    public static bool IsClean(string value, bool multiline) => CleanText.IsClean(value, multiline);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
