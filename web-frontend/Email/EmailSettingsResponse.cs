namespace Loyalty.Web.Email;

/// <summary>
/// The SMTP settings in force (<c>source</c>: <c>override</c>, <c>configuration</c> or <c>none</c>, then messages are
/// written as .eml files), the admin's override with who changed it when, and the configuration's.
/// </summary>
public sealed record EmailSettingsResponse(
    string Source,
    SmtpSettingsResponse? Effective,
    SmtpSettingsResponse? Override,
    DateTimeOffset? OverrideUpdatedAt,
    string? OverrideUpdatedBy,
    SmtpSettingsResponse? Configuration);
