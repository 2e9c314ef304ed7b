namespace Loyalty.Email.Settings;

/// <summary>Where and how e-mail is sent. <see cref="ToString"/> leaves the password out, so logging a value never shows it.</summary>
public sealed record SmtpSettings(string Host, int Port, SmtpSecurity Security, string? Username, string? Password, string From)
{
    public override string ToString() => $"{Host}:{Port} ({Security}), user {Username ?? "none"}, from {From}";
}
