using Loyalty.Email.Log;
using Loyalty.Email.Sending;
using Loyalty.Email.Settings;
using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Admin;
using Loyalty.Web.Problems;
using MimeKit;

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

    private static async Task<IResult> GetAsync(EmailSettingsStore settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ResponseAsync(settings, cancellationToken));

    private static async Task<IResult> SaveAsync(SmtpSettingsRequest request, HttpContext context, EmailSettingsStore settings, CancellationToken cancellationToken)
    {
        var problem = new ValidationProblem()
            .When(string.IsNullOrWhiteSpace(request.Host) || request.Host.Length > 253 || request.Host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)), "host",
                "Is required: a host name or address, without spaces.")
            .When(request.Port is not (>= 1 and <= 65535), "port", "Must be from 1 to 65535.")
            .When(!Enum.TryParse<SmtpSecurity>(request.Security, ignoreCase: true, out _) || int.TryParse(request.Security, out _), "security",
                "Must be None, StartTls or SslOnConnect.")
            .When(request.Username is { Length: > 256 } || request.Username?.Any(char.IsControl) == true, "username", "Must be at most 256 characters, without control characters.")
            .When(request.Password is { Length: > 256 }, "password", "Must be at most 256 characters.")
            .Text("password", request.Password)
            .When(request.From is null || !MailboxAddress.TryParse(request.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal), "from",
                "Must be an e-mail address, e.g. \"Shop <no-reply@example.com>\".");
        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        var username = string.IsNullOrEmpty(request.Username) ? null : request.Username;
        var password = request.Password;
        if (password is null && await settings.GetOverrideAsync(cancellationToken) is { } stored
            && stored.Settings.Host == request.Host && stored.Settings.Username == username)
        {
            // Kept: an admin changing the port or sender need not type the password again.
            password = stored.Settings.Password;
        }

        var security = Enum.Parse<SmtpSecurity>(request.Security!, ignoreCase: true);
        var smtp = new SmtpSettings(request.Host!, request.Port!.Value, security, username, string.IsNullOrEmpty(password) ? null : password, request.From!);
        await settings.SaveOverrideAsync(smtp, AuditActors.ForAdminToken(context.GetAdmin().TokenId), cancellationToken);
        return TypedResults.Ok(await ResponseAsync(settings, cancellationToken));
    }

    private static async Task<IResult> DeleteAsync(EmailSettingsStore settings, CancellationToken cancellationToken)
    {
        await settings.DeleteOverrideAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(settings, cancellationToken));
    }

    private static async Task<IResult> TestAsync(TestEmailRequest request, TestEmailSender sender, CancellationToken cancellationToken)
    {
        if (request.To is null || !MailboxAddress.TryParse(request.To, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            return new ValidationProblem().Add("to", "Must be an e-mail address.").ToResult();
        }

        var result = await sender.SendAsync(to.Address, cancellationToken);
        return TypedResults.Ok(new TestEmailResponse(
            result.Recipient,
            result.Status is EmailLogStatus.Sent,
            result.Status,
            result.Detail,
            SourceName(result.Source),
            SmtpSettingsResponse.Of(result.Settings)));
    }

    private static async Task<EmailSettingsResponse> ResponseAsync(EmailSettingsStore settings, CancellationToken cancellationToken)
    {
        var stored = await settings.GetOverrideAsync(cancellationToken);
        var configured = settings.Configured;
        var source = stored is not null ? SmtpSettingsSource.Override : configured is not null ? SmtpSettingsSource.Configuration : SmtpSettingsSource.None;
        return new EmailSettingsResponse(
            SourceName(source),
            SmtpSettingsResponse.Of(stored?.Settings ?? configured),
            SmtpSettingsResponse.Of(stored?.Settings),
            stored?.UpdatedAt,
            stored?.UpdatedBy,
            SmtpSettingsResponse.Of(configured));
    }

    private static string SourceName(SmtpSettingsSource source) => source.ToString().ToLowerInvariant();
}
