using Loyalty.Email.Templates;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Text;

namespace Loyalty.Web.Email;

/// <summary>
/// Reading, checking, saving, previewing and restoring templates: what the admin API's template endpoints and the admin
/// pages' template editor both do, with the same rules (64 KiB bodies, one-line subject, no control characters, only
/// the template's variables).
/// </summary>
public sealed class EmailTemplateEditor(EmailTemplateStore templates, TimeProvider time)
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 65_536;

    /// <summary>Whether <paramref name="template"/> in <paramref name="locale"/> is one of the catalog's templates.</summary>
    public static bool Exists(string? template, string? locale) =>
        EmailTemplateNames.Exists(template) && locale is not null && Locales.Supported.Contains(locale, StringComparer.Ordinal);

    public Task<IReadOnlyList<StoredTemplate>> ListAsync(CancellationToken cancellationToken) => templates.ListAsync(cancellationToken);

    public Task<StoredTemplate> GetAsync(string template, string locale, CancellationToken cancellationToken) =>
        templates.GetAsync(template, locale, cancellationToken);

    /// <summary>Saves a draft when it is valid (<paramref name="actor"/> recorded as who changed it); else its field errors, and nothing changes.</summary>
    public async Task<EmailEdit<StoredTemplate>> SaveAsync(
        string template, string locale, string? subject, string? html, string? text, string actor, CancellationToken cancellationToken)
    {
        var errors = Validate(template, subject, html, text);
        if (errors.Count > 0)
        {
            return new EmailEdit<StoredTemplate>(errors);
        }

        var saved = await templates.SaveAsync(template, locale, new TemplateContent(subject!, html!, text!), actor, cancellationToken);
        return new EmailEdit<StoredTemplate>(saved);
    }

    /// <summary>Deletes the admin's edit, so the built-in default applies again; answers it.</summary>
    public Task<StoredTemplate> RestoreDefaultAsync(string template, string locale, CancellationToken cancellationToken) =>
        templates.RestoreDefaultAsync(template, locale, cancellationToken);

    /// <summary>A draft filled with sample values in its language, without saving it (or its field errors).</summary>
    public EmailEdit<RenderedEmail> Preview(string template, string locale, string? subject, string? html, string? text)
    {
        var errors = Validate(template, subject, html, text);
        return errors.Count > 0
            ? new EmailEdit<RenderedEmail>(errors)
            : new EmailEdit<RenderedEmail>(TemplatePreview.Render(template, locale, new TemplateContent(subject!, html!, text!), time.GetUtcNow()));
    }

    /// <summary>The field errors of a draft (<c>subject</c>, <c>html</c>, <c>text</c>), in the order the API lists them.</summary>
    public static IReadOnlyList<EmailFieldError> Validate(string template, string? subject, string? html, string? text)
    {
        var allowed = EmailTemplateNames.Variables[template];
        var errors = new List<EmailFieldError>();
        Part(errors, "subject", subject, MaxSubjectLength, allowed);
        Part(errors, "html", html, MaxBodyLength, allowed);
        Part(errors, "text", text, MaxBodyLength, allowed);
        if (subject is not null && subject.Any(c => c is '\r' or '\n'))
        {
            errors.Add(new EmailFieldError("subject", EmailFieldErrorCodes.NotOneLine, "Must be one line."));
        }

        return errors;
    }

    private static void Part(List<EmailFieldError> errors, string field, string? value, int maxLength, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new EmailFieldError(field, EmailFieldErrorCodes.Required, "Is required."));
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(new EmailFieldError(field, EmailFieldErrorCodes.TooLong, $"Must be at most {maxLength} characters.", [$"{maxLength}"]));
        }

        if (CleanText.Problem(value, multiline: field != "subject") is { } message)
        {
            errors.Add(new EmailFieldError(field, EmailFieldErrorCodes.ControlCharacters, message));
        }

        var unknown = TemplateRenderer.UnknownVariables(value, [.. allowed]);
        if (unknown.Count > 0)
        {
            var unknownList = Placeholders(unknown);
            var allowedList = Placeholders(allowed);
            errors.Add(new EmailFieldError(field, EmailFieldErrorCodes.UnknownVariables,
                $"Unknown variables: {unknownList}. This template knows {allowedList}.", [unknownList, allowedList]));
        }
    }

    private static string Placeholders(IEnumerable<string> names) => string.Join(", ", names.Select(v => $"{{{{{v}}}}}"));
}
