using Loyalty.Email.Settings;

namespace Loyalty.Email;

/// <summary><c>Loyalty:Email</c>: the sender, the SMTP server from configuration, and how the dispatcher works.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Loyalty:Email";

    /// <summary>The sender address (<c>Loyalty:Email:From</c>), e.g. <c>Loyalty &lt;no-reply@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public EmailDispatchOptions Dispatch { get; set; } = new();

    /// <summary>The configuration's SMTP settings, or null when no host is configured.</summary>
    public SmtpSettings? ToSettings() => string.IsNullOrWhiteSpace(Smtp.Host)
        ? null
        : new SmtpSettings(Smtp.Host, Smtp.Port ?? DefaultPort(Smtp.Security), Smtp.Security, Blank(Smtp.Username), Blank(Smtp.Password), From ?? DefaultFrom);

    /// <summary>Used when no sender is configured: a visible placeholder domain rather than a guess at a real one.</summary>
    public const string DefaultFrom = "Loyalty <no-reply@loyalty.invalid>";

    public static int DefaultPort(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
