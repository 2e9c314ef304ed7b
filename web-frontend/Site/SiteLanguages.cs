using System.Globalization;
using Loyalty.GrainInterfaces.Programs;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Localization;

namespace Loyalty.Web.Site;

/// <summary>
/// The site's languages and how a visitor's is chosen: <c>?lang=</c>, then the language cookie (which <c>?lang=</c>
/// sets), then <c>Accept-Language</c>, then the merchant's default language, then English.
/// </summary>
public static class SiteLanguages
{
    public const string QueryKey = "lang";

    /// <summary>ASP.NET Core's culture cookie, so the framework's cookie provider reads what <see cref="Remember"/> writes.</summary>
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static IReadOnlyList<CultureInfo> Cultures { get; } = [.. Locales.Supported.Select(CultureInfo.GetCultureInfo)];

    /// <summary>The page's language: what <c>&lt;html lang&gt;</c> says (en, fr, de or lb).</summary>
    public static string Current => CultureInfo.CurrentUICulture.Name;

    /// <summary>The language's own name, as the switcher shows it.</summary>
    public static string NativeName(string language) => language switch
    {
        "en" => "English",
        "fr" => "Français",
        "de" => "Deutsch",
        "lb" => "Lëtzebuergesch",
        _ => language,
    };

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Locales.Default),
            SupportedCultures = [.. Cultures],
            SupportedUICultures = [.. Cultures],
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
            new MerchantLanguageProvider(),
        ];
        return options;
    }

    /// <summary>The current address with <c>?lang=</c> set to <paramref name="language"/> (the switcher's links).</summary>
    public static string LinkFor(HttpRequest request, string language)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryBuilder(request.Query
            .Where(pair => !string.Equals(pair.Key, QueryKey, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value ?? ""))))
        {
            { QueryKey, language },
        };
        return request.PathBase + request.Path + query.ToQueryString();
    }

    /// <summary>Keeps a language chosen with <c>?lang=</c> for the next pages, in ASP.NET Core's culture cookie.</summary>
    public static void Remember(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requested = context.Request.Query[QueryKey].ToString();
        if (!Locales.IsSupported(requested))
            return;
        var language = requested.ToLowerInvariant();
        context.Response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
    }
}
