namespace Loyalty.Web.Email;

/// <summary>
/// Body of <c>PUT /email/settings</c>. <c>password</c>: null keeps the override's stored password (when the host and
/// user name are unchanged), an empty string stores none. It is never answered back.
/// </summary>
public sealed record SmtpSettingsRequest(string? Host, int? Port, string? Security, string? Username, string? Password, string? From)
{
    public override string ToString() => $"SmtpSettingsRequest {{ Host = {Host}, Port = {Port}, Security = {Security}, Username = {Username}, From = {From} }}";
}
