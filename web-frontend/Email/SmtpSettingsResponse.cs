using Loyalty.Email.Settings;

namespace Loyalty.Web.Email;

/// <summary>SMTP settings as the API shows them: the password only as <c>passwordSet</c>.</summary>
public sealed record SmtpSettingsResponse(string Host, int Port, string Security, string? Username, bool PasswordSet, string From)
{
    public static SmtpSettingsResponse? Of(SmtpSettings? settings) => settings is null
        ? null
        : new SmtpSettingsResponse(settings.Host, settings.Port, settings.Security.ToString(), settings.Username, settings.Password is not null, settings.From);
}
