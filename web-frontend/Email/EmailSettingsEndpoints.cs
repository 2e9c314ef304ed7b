using Loyalty.Email.Log;
using Loyalty.Email.Sending;
using Loyalty.Email.Settings;
using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Admin;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Email;

/// <summary>
/// SMTP settings (platform admins): the configuration's, and an override stored in the database (password protected
/// with Data Protection) that replaces them on every silo from the next send; and the test e-mail, which reports the
/// settings it actually used.
/// </summary>
public static class EmailSettingsEndpoints
{
    public static RouteGroupBuilder MapEmailSettingsEndpoints(this RouteGroupBuilder platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        platform.MapGet("/email/settings", GetAsync)
            .WithName("GetEmailSettings")
            .WithSummary("The SMTP settings in force and where they come from; the override and the configuration's (never a password).")
            .Produces<EmailSettingsResponse>();
        platform.MapPut("/email/settings", SaveAsync)
            .WithName("SetEmailSettings")
            .WithSummary("Stores an SMTP override (host, port, security None|StartTls|SslOnConnect, username, password, from).")
            .Produces<EmailSettingsResponse>()
            .ProducesValidationProblem();
        platform.MapDelete("/email/settings", DeleteAsync)
            .WithName("DeleteEmailSettings")
            .WithSummary("Removes the override: the configuration's settings apply again.")
            .Produces<EmailSettingsResponse>();
        platform.MapPost("/email/settings/test", TestAsync)
            .WithName("SendTestEmail")
            .WithSummary("Sends a test e-mail with the settings in force and reports them (host, port, security, sender, source) with the outcome.")
            .Produces<TestEmailResponse>()
            .ProducesValidationProblem();
        return platform;
    }

    private static async Task<IResult> GetAsync(EmailSettingsEditor settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(Response(await settings.GetAsync(cancellationToken)));

    private static async Task<IResult> SaveAsync(SmtpSettingsRequest request, HttpContext context, EmailSettingsEditor settings, CancellationToken cancellationToken)
    {
        var draft = new SmtpOverrideDraft(request.Host, request.Port, request.Security, request.Username, request.Password, request.From);
        var errors = EmailSettingsEditor.Validate(draft);
        if (errors.Count > 0)
        {
            return EmailFieldError.ToProblem(errors).ToResult();
        }

        var saved = await settings.SaveAsync(draft, AuditActors.ForAdminToken(context.GetAdmin().TokenId), cancellationToken);
        return TypedResults.Ok(Response(saved.Value!));
    }

    private static async Task<IResult> DeleteAsync(EmailSettingsEditor settings, CancellationToken cancellationToken)
    {
        await settings.DeleteAsync(cancellationToken);
        return TypedResults.Ok(Response(await settings.GetAsync(cancellationToken)));
    }

    private static async Task<IResult> TestAsync(TestEmailRequest request, EmailSettingsEditor settings, CancellationToken cancellationToken)
    {
        var test = await settings.SendTestAsync(request.To, cancellationToken);
        if (!test.Succeeded)
        {
            return EmailFieldError.ToProblem(test.Errors).ToResult();
        }

        var result = test.Value!;
        return TypedResults.Ok(new TestEmailResponse(
            result.Recipient,
            result.Status is EmailLogStatus.Sent,
            result.Status,
            result.Detail,
            SourceName(result.Source),
            SmtpSettingsResponse.Of(result.Settings)));
    }

    private static EmailSettingsResponse Response(EmailSettingsView view) => new(
        SourceName(view.Source),
        SmtpSettingsResponse.Of(view.Effective),
        SmtpSettingsResponse.Of(view.Override?.Settings),
        view.Override?.UpdatedAt,
        view.Override?.UpdatedBy,
        SmtpSettingsResponse.Of(view.Configuration));

    private static string SourceName(SmtpSettingsSource source) => source.ToString().ToLowerInvariant();
}
