using Loyalty.Web.AdminSite;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Email;

/// <summary>Names the e-mail pages show for catalog values, falling back to the value for one added later without a text.</summary>
public static class EmailTexts
{
    public static string Template(IStringLocalizer<EmailStrings> text, string template) => Or(text[$"Template.{template}"], template);

    public static string Status(IStringLocalizer<EmailStrings> text, string status) => Or(text[$"Status.{status}"], status);

    public static string Language(IStringLocalizer<EmailStrings> text, string locale) => Or(text[$"Language.{locale}"], locale);

    private static string Or(LocalizedString found, string fallback)
    {
        ArgumentNullException.ThrowIfNull(found);
        return found.ResourceNotFound ? fallback : found.Value;
    }
}
