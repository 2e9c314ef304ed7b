namespace Loyalty.Email.Settings;

/// <summary>Where the SMTP settings in use came from.</summary>
public enum SmtpSettingsSource
{
    /// <summary>No SMTP server anywhere: messages are written as .eml files under the data directory.</summary>
    None,

    /// <summary><c>Loyalty:Email:Smtp:*</c> and <c>Loyalty:Email:From</c>.</summary>
    Configuration,

    /// <summary>A platform admin's settings stored in the database, which replace the configuration's.</summary>
    Override,
}
