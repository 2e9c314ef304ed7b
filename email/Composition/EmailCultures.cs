using System.Globalization;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Email.Composition;

/// <summary>How numbers and dates read in each language (Luxembourg's conventions), and the fallback language.</summary>
public static class EmailCultures
{
    public static string LocaleOrDefault(string? locale) =>
        Locales.IsSupported(locale) ? locale!.ToLowerInvariant() : Locales.Default;

    public static CultureInfo Of(string locale) => CultureInfo.GetCultureInfo(locale switch
    {
        "fr" => "fr-LU",
        "de" => "de-LU",
        "lb" => "lb-LU",
        _ => "en-GB",
    });

    public static string Number(long value, CultureInfo culture) => value.ToString("N0", culture);

    public static string Date(DateTimeOffset value, CultureInfo culture) =>
        value.UtcDateTime.ToString(culture.DateTimeFormat.LongDatePattern, culture);

    /// <summary>Date and time in UTC, said so: the e-mail does not know the customer's time zone.</summary>
    public static string DateTime(DateTimeOffset value, CultureInfo culture) =>
        value.UtcDateTime.ToString(culture.DateTimeFormat.LongDatePattern + " HH:mm", culture) + " UTC";
}
