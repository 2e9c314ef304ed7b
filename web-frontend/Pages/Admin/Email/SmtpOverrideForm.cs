namespace Loyalty.Web.Pages.Admin.Email;

/// <summary>
/// The settings page's override form. <see cref="Password"/> is write-only: blank keeps the stored one (while the host
/// and user name stay the same), <see cref="RemovePassword"/> stores none; the page never renders it back.
/// </summary>
public sealed class SmtpOverrideForm
{
    public string? Host { get; set; }

    /// <summary>Text, so that "abc" is the same field error as 0.</summary>
    public string? Port { get; set; }

    public string? Security { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool RemovePassword { get; set; }

    public string? From { get; set; }

    public override string ToString() => $"SmtpOverrideForm {{ Host = {Host}, Port = {Port}, Security = {Security}, Username = {Username}, From = {From} }}";
}
