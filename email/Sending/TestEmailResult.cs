using Loyalty.Email.Settings;

namespace Loyalty.Email.Sending;

/// <summary>
/// What a test e-mail did, and with which settings: the ones actually used, never another set (the old system's test
/// e-mail named the configuration while sending with the override).
/// </summary>
public sealed record TestEmailResult(string Recipient, string Status, string Detail, SmtpSettings? Settings, SmtpSettingsSource Source);
