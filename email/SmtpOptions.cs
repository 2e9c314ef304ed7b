using Loyalty.Email.Settings;

namespace Loyalty.Email;

/// <summary><c>Loyalty:Email:Smtp</c>: the SMTP server from configuration (an admin's override replaces it).</summary>
public sealed class SmtpOptions
{
    /// <summary>Unset: no SMTP server; messages are written as .eml files under the data directory.</summary>
    public string? Host { get; set; }

    /// <summary>Unset: 465 for SslOnConnect, 587 for StartTls, 25 for None.</summary>
    public int? Port { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }
}
