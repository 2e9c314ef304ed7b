namespace Loyalty.Web.Pages.Admin.Email;

/// <summary>
/// What the settings page's test e-mail did, carried over its redirect: the outcome and the settings actually used
/// (never the password).
/// </summary>
public sealed record TestEmailReport(string To, string Status, string Detail, string Source, string? Host, int? Port, string? Security, string? From);
