namespace Loyalty.Web.Email;

/// <summary>
/// An SMTP override as an admin submits it (API body or settings form). <see cref="Password"/>: null keeps the stored
/// password while the host and user name stay the same, an empty string stores none. <see cref="ToString"/> leaves it out.
/// </summary>
public sealed record SmtpOverrideDraft(string? Host, int? Port, string? Security, string? Username, string? Password, string? From)
{
    public override string ToString() => $"SmtpOverrideDraft {{ Host = {Host}, Port = {Port}, Security = {Security}, Username = {Username}, From = {From} }}";
}
