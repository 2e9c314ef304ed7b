namespace Loyalty.Email.Settings;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP (a relay on a private network, a local test server).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, usually port 587; refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte ("implicit TLS", SMTPS), usually port 465.</summary>
    SslOnConnect,
}
