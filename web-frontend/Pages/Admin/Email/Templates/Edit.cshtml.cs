using Loyalty.Email.Templates;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Loyalty.Web.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Email.Templates;

/// <summary>
/// One template in one language (platform admins): edit its subject, HTML and text parts, preview a draft with sample
/// values in that language, save, restore the default; through the same <see cref="EmailTemplateEditor"/> as the API.
/// </summary>
[Authorize(Policy = AdminPolicies.PlatformAdmin)]
public sealed class EditModel(EmailTemplateEditor templates, IStringLocalizer<EmailStrings> text) : AdminPageModel
{
    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Html { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public string TemplateName { get; private set; } = "";

    public string Locale { get; private set; } = "";

    /// <summary>The template as it applies now (the saved edit or the default), whatever the form holds.</summary>
    public StoredTemplate Current { get; private set; } = null!;

    public IReadOnlyList<string> Variables => EmailTemplateNames.Variables[TemplateName];

    /// <summary>The draft filled with sample values, after a preview.</summary>
    public RenderedEmail? Preview { get; private set; }

    public static string PathOf(string template, string locale) => $"/admin/email/templates/{template}/{locale}";

    public async Task<IActionResult> OnGetAsync(string template, string locale, CancellationToken cancellationToken)
    {
        if (!await FindAsync(template, locale, cancellationToken))
        {
            return NotFoundPage();
        }

        (Subject, Html, Text) = (Current.Content.Subject, Current.Content.Html, Current.Content.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string template, string locale, CancellationToken cancellationToken)
    {
        if (!await FindAsync(template, locale, cancellationToken))
        {
            return NotFoundPage();
        }

        var saved = await templates.SaveAsync(template, locale, Subject, Normalized(Html), Normalized(Text), Admin.Actor, cancellationToken);
        if (!saved.Succeeded)
        {
            return Invalid(saved.Errors);
        }

        Flash(text["Editor.Saved", EmailTexts.Template(text, template), EmailTexts.Language(text, locale)]);
        return LocalRedirect(PathOf(template, locale));
    }

    public async Task<IActionResult> OnPostPreviewAsync(string template, string locale, CancellationToken cancellationToken)
    {
        if (!await FindAsync(template, locale, cancellationToken))
        {
            return NotFoundPage();
        }

        var preview = templates.Preview(template, locale, Subject, Normalized(Html), Normalized(Text));
        if (!preview.Succeeded)
        {
            return Invalid(preview.Errors);
        }

        Preview = preview.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string template, string locale, CancellationToken cancellationToken)
    {
        if (!await FindAsync(template, locale, cancellationToken))
        {
            return NotFoundPage();
        }

        await templates.RestoreDefaultAsync(template, locale, cancellationToken);
        Flash(text["Editor.Restored", EmailTexts.Template(text, template), EmailTexts.Language(text, locale)]);
        return LocalRedirect(PathOf(template, locale));
    }

    private async Task<bool> FindAsync(string template, string locale, CancellationToken cancellationToken)
    {
        if (!EmailTemplateEditor.Exists(template, locale))
        {
            return false;
        }

        (TemplateName, Locale) = (template, locale);
        Current = await templates.GetAsync(template, locale, cancellationToken);
        return true;
    }

    private PageResult Invalid(IReadOnlyList<EmailFieldError> errors)
    {
        EmailFieldErrorMessages.AddTo(ModelState, errors, text, field => field switch
        {
            "subject" => nameof(Subject),
            "html" => nameof(Html),
            _ => nameof(Text),
        });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // A browser sends a textarea's line breaks as CR LF; templates keep LF, as the defaults do.
    private static string? Normalized(string? part) => part?.Replace("\r\n", "\n", StringComparison.Ordinal);
}
