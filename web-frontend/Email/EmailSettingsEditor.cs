using Loyalty.Email.Sending;
using Loyalty.Email.Settings;
using Loyalty.GrainInterfaces.Text;
using MimeKit;

namespace Loyalty.Web.Email;

/// <summary>
/// The SMTP override and the test e-mail: what the admin API's settings endpoints and the admin settings page both do,
/// with the same rules. The override replaces the configuration's settings on every silo from the next send.
/// </summary>
public sealed class EmailSettingsEditor(EmailSettingsStore settings, TestEmailSender sender)
{
    public async Task<EmailSettingsView> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await settings.GetOverrideAsync(cancellationToken);
        var configured = settings.Configured;
        var source = stored is not null ? SmtpSettingsSource.Override : configured is not null ? SmtpSettingsSource.Configuration : SmtpSettingsSource.None;
        return new EmailSettingsView(source, stored?.Settings ?? configured, stored, configured);
    }

    /// <summary>
    /// Stores the override when the draft is valid (<paramref name="actor"/> recorded as who changed it) and answers the
    /// settings now in force; else the field errors, and nothing changes.
    /// </summary>
    public async Task<EmailEdit<EmailSettingsView>> SaveAsync(SmtpOverrideDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = Validate(draft);
        if (errors.Count > 0)
        {
            return new EmailEdit<EmailSettingsView>(errors);
        }

        var username = string.IsNullOrEmpty(draft.Username) ? null : draft.Username;
        var password = draft.Password;
        if (password is null && await settings.GetOverrideAsync(cancellationToken) is { } stored
            && stored.Settings.Host == draft.Host && stored.Settings.Username == username)
        {
            // Kept: an admin changing the port or sender need not type the password again.
            password = stored.Settings.Password;
        }

        var security = Enum.Parse<SmtpSecurity>(draft.Security!, ignoreCase: true);
        var smtp = new SmtpSettings(draft.Host!, draft.Port!.Value, security, username, string.IsNullOrEmpty(password) ? null : password, draft.From!);
        await settings.SaveOverrideAsync(smtp, actor, cancellationToken);
        return new EmailEdit<EmailSettingsView>(await GetAsync(cancellationToken));
    }

    /// <summary>Removes the override (false when there was none): the configuration's settings apply again.</summary>
    public Task<bool> DeleteAsync(CancellationToken cancellationToken) => settings.DeleteOverrideAsync(cancellationToken);

    /// <summary>Sends a test e-mail with the settings in force, which it reports; or the field error of a bad address (<c>to</c>).</summary>
    public async Task<EmailEdit<TestEmailResult>> SendTestAsync(string? to, CancellationToken cancellationToken)
    {
        if (to is null || !MailboxAddress.TryParse(to, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            return new EmailEdit<TestEmailResult>([new EmailFieldError("to", EmailFieldErrorCodes.Address, "Must be an e-mail address.")]);
        }

        return new EmailEdit<TestEmailResult>(await sender.SendAsync(address.Address, cancellationToken));
    }

    /// <summary>The field errors of a draft, in the order the API lists them.</summary>
    public static IReadOnlyList<EmailFieldError> Validate(SmtpOverrideDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<EmailFieldError>();
        if (string.IsNullOrWhiteSpace(draft.Host) || draft.Host.Length > 253 || draft.Host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add(new EmailFieldError("host", EmailFieldErrorCodes.Host, "Is required: a host name or address, without spaces."));
        }

        if (draft.Port is not (>= 1 and <= 65535))
        {
            errors.Add(new EmailFieldError("port", EmailFieldErrorCodes.Port, "Must be from 1 to 65535."));
        }

        if (!Enum.TryParse<SmtpSecurity>(draft.Security, ignoreCase: true, out _) || int.TryParse(draft.Security, out _))
        {
            errors.Add(new EmailFieldError("security", EmailFieldErrorCodes.Security, "Must be None, StartTls or SslOnConnect."));
        }

        if (draft.Username is { Length: > 256 } || draft.Username?.Any(char.IsControl) == true)
        {
            errors.Add(new EmailFieldError("username", EmailFieldErrorCodes.Username, "Must be at most 256 characters, without control characters."));
        }

        if (draft.Password is { Length: > 256 })
        {
            errors.Add(new EmailFieldError("password", EmailFieldErrorCodes.TooLong, "Must be at most 256 characters.", ["256"]));
        }

        if (CleanText.Problem(draft.Password) is { } message)
        {
            errors.Add(new EmailFieldError("password", EmailFieldErrorCodes.ControlCharacters, message));
        }

        if (draft.From is null || !MailboxAddress.TryParse(draft.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new EmailFieldError("from", EmailFieldErrorCodes.Address, "Must be an e-mail address, e.g. \"Shop <no-reply@example.com>\"."));
        }

        return errors;
    }
}
