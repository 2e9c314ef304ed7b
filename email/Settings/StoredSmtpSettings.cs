namespace Loyalty.Email.Settings;

/// <summary>The override as stored: its settings (password decrypted), and who changed it when.</summary>
public sealed record StoredSmtpSettings(SmtpSettings Settings, DateTimeOffset UpdatedAt, string UpdatedBy);
