namespace Loyalty.Email.Settings;

/// <summary>The settings a send uses and where they came from (null settings: no SMTP server configured).</summary>
public sealed record EffectiveSmtpSettings(SmtpSettings? Settings, SmtpSettingsSource Source)
{
    public static EffectiveSmtpSettings None { get; } = new(null, SmtpSettingsSource.None);
}
