namespace Loyalty.GrainInterfaces.Programs;

/// <summary>The languages the platform is translated into (lb is Luxembourgish, ISO 639-1).</summary>
public static class Locales
{
    public const string Default = "en";

    public static IReadOnlyList<string> Supported { get; } = ["en", "fr", "de", "lb"];

    public static bool IsSupported(string? locale) =>
        locale is not null && Supported.Contains(locale, StringComparer.OrdinalIgnoreCase);
}
