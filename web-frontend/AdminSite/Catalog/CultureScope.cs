using System.Globalization;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>
/// Renders part of a page in another language: sets the current culture and UI culture, and puts them back on
/// dispose. The program preview uses it so the storefront's own texts and number formats follow the preview's language.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private CultureScope(CultureInfo culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static CultureScope Use(string language) => new(CultureInfo.GetCultureInfo(language));

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
