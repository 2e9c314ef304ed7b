using Loyalty.Email.Settings;

namespace Loyalty.Web.Email;

/// <summary>
/// The SMTP settings in force and where they come from, the admin's override (with who changed it when) and the
/// configuration's. The settings hold the password: whoever shows them shows only whether one is set.
/// </summary>
public sealed record EmailSettingsView(SmtpSettingsSource Source, SmtpSettings? Effective, StoredSmtpSettings? Override, SmtpSettings? Configuration);
