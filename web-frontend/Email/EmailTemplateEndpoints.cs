using Loyalty.Email.Templates;
using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.Admin;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Email;

/// <summary>
/// E-mail templates (platform admins): list, read, edit, preview and restore the default, per template and language
/// (<c>/email/templates/{template}/{locale}</c>). An edit applies to the next message the dispatchers compose.
/// </summary>
public static class EmailTemplateEndpoints
{
    public static RouteGroupBuilder MapEmailTemplateEndpoints(this RouteGroupBuilder platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        platform.MapGet("/email/templates", ListAsync)
            .WithName("ListEmailTemplates")
            .WithSummary("Every template in every language (en, fr, de, lb), and whether an admin changed it.")
            .Produces<IReadOnlyList<EmailTemplateSummaryResponse>>();
        var template = platform.MapGroup("/email/templates/{template}/{locale}");
        template.MapGet("", GetAsync)
            .WithName("GetEmailTemplate")
            .WithSummary("A template in one language: subject, HTML and text parts, and the variables it may use.")
            .Produces<EmailTemplateResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        template.MapPut("", SaveAsync)
            .WithName("UpdateEmailTemplate")
            .WithSummary("Replaces a template in one language; an unknown {{variable}} is a field error.")
            .Produces<EmailTemplateResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        template.MapDelete("", RestoreAsync)
            .WithName("RestoreEmailTemplate")
            .WithSummary("Restores the built-in default of a template in one language; answers it.")
            .Produces<EmailTemplateResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        template.MapPost("/preview", Preview)
            .WithName("PreviewEmailTemplate")
            .WithSummary("Fills a draft of the template with sample values, without saving it.")
            .Produces<EmailPreviewResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return platform;
    }

    private static async Task<IResult> ListAsync(EmailTemplateEditor templates, CancellationToken cancellationToken) =>
        TypedResults.Ok((await templates.ListAsync(cancellationToken))
            .Select(t => new EmailTemplateSummaryResponse(t.Template, t.Locale, t.Content.Subject, t.Customized, t.UpdatedAt)).ToList());

    private static async Task<IResult> GetAsync(string template, string locale, EmailTemplateEditor templates, CancellationToken cancellationToken) =>
        NotFound(template, locale) ?? TypedResults.Ok(Response(await templates.GetAsync(template, locale, cancellationToken)));

    private static async Task<IResult> SaveAsync(
        string template, string locale, EmailTemplateRequest request, HttpContext context, EmailTemplateEditor templates, CancellationToken cancellationToken)
    {
        if (NotFound(template, locale) is { } notFound)
        {
            return notFound;
        }

        var errors = EmailTemplateEditor.Validate(template, request.Subject, request.Html, request.Text);
        if (errors.Count > 0)
        {
            return EmailFieldError.ToProblem(errors).ToResult();
        }

        var actor = AuditActors.ForAdminToken(context.GetAdmin().TokenId);
        var saved = await templates.SaveAsync(template, locale, request.Subject, request.Html, request.Text, actor, cancellationToken);
        return TypedResults.Ok(Response(saved.Value!));
    }

    private static async Task<IResult> RestoreAsync(string template, string locale, EmailTemplateEditor templates, CancellationToken cancellationToken) =>
        NotFound(template, locale) ?? TypedResults.Ok(Response(await templates.RestoreDefaultAsync(template, locale, cancellationToken)));

    private static IResult Preview(string template, string locale, EmailTemplateRequest request, EmailTemplateEditor templates)
    {
        if (NotFound(template, locale) is { } notFound)
        {
            return notFound;
        }

        var preview = templates.Preview(template, locale, request.Subject, request.Html, request.Text);
        if (!preview.Succeeded)
        {
            return EmailFieldError.ToProblem(preview.Errors).ToResult();
        }

        var rendered = preview.Value!;
        return TypedResults.Ok(new EmailPreviewResponse(rendered.Subject, rendered.Html, rendered.Text));
    }

    private static IResult? NotFound(string template, string locale) =>
        EmailTemplateEditor.Exists(template, locale)
            ? null
            : Problem.Create(StatusCodes.Status404NotFound, ProblemCodes.EmailTemplateNotFound, "E-mail template not found",
                $"Templates are {string.Join(", ", EmailTemplateNames.All)}, in {string.Join(", ", Locales.Supported)}.");

    private static EmailTemplateResponse Response(StoredTemplate t) => new(
        t.Template, t.Locale, t.Content.Subject, t.Content.Html, t.Content.Text, t.Customized, t.UpdatedAt, t.UpdatedBy, EmailTemplateNames.Variables[t.Template]);
}
