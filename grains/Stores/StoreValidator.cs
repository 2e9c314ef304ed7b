using System.Text.RegularExpressions;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;

namespace Loyalty.Grains.Stores;

/// <summary>Checks a <see cref="CreateStoreCommand"/> or <see cref="UpdateStoreCommand"/> field by field (admin API camelCase names).</summary>
public static partial class StoreValidator
{
    public const int MaxDescriptionLength = 2_000;

    public static FieldErrors Validate(CreateStoreCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        TextRules.Name(errors, "name", command.Name);
        TextRules.Slug(errors, "slug", command.Slug);
        ValidateZoneAndDescriptions(errors, command.TimeZone, command.Descriptions);
        return errors;
    }

    public static FieldErrors Validate(UpdateStoreCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        TextRules.Name(errors, "name", command.Name);
        ValidateZoneAndDescriptions(errors, command.TimeZone, command.Descriptions);
        return errors;
    }

    /// <summary>The descriptions to store: the non-blank ones, trimmed, by locale (so equal sets store equal JSON).</summary>
    public static IReadOnlyDictionary<string, string> CleanDescriptions(IReadOnlyDictionary<string, string?>? descriptions) =>
        (descriptions ?? new Dictionary<string, string?>())
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => pair.Value!.Trim(), StringComparer.Ordinal);

    private static void ValidateZoneAndDescriptions(FieldErrors errors, string? timeZone, IReadOnlyDictionary<string, string?>? descriptions)
    {
        if (timeZone is not null && FindIanaTimeZone(timeZone) is null)
            errors.Add("timeZone", "Must be an IANA time zone id such as Europe/Luxembourg.");
        foreach (var (locale, text) in descriptions ?? new Dictionary<string, string?>())
        {
            if (!Locales.Supported.Contains(locale, StringComparer.Ordinal))
                errors.Add($"descriptions.{FieldKey(locale)}", $"Unsupported locale; use one of {string.Join(", ", Locales.Supported)}.");
            else if (text is null)
                errors.Add($"descriptions.{locale}", "Must be a text; leave the locale out instead.");
            else
                TextRules.OptionalText(errors, $"descriptions.{locale}", text, MaxDescriptionLength);
        }
    }

    /// <summary>
    /// The time zone for an IANA id, or null. The id is checked for shape first because the system lookup reads
    /// files named after it; Windows ids are refused so every stored zone is portable.
    /// </summary>
    public static TimeZoneInfo? FindIanaTimeZone(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!TimeZoneIdPattern().IsMatch(id) || id.Contains("..", StringComparison.Ordinal))
            return null;
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return zone.HasIanaId ? zone : null;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // An unknown key goes back in the field name, so it is cut and cleaned to stay a readable name.
    private static string FieldKey(string locale)
    {
        var key = locale.Length > 20 ? locale[..20] : locale;
        return TextRules.IsClean(key, multiline: false) ? key : "?";
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+/-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneIdPattern();
}
