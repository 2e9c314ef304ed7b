namespace Loyalty.Web.Email;

/// <summary>
/// What the test e-mail did (<c>status</c> as in the e-mail log, <c>detail</c> the server's reply or the error), and the
/// settings it was actually sent with and where they came from (<c>source</c>).
/// </summary>
public sealed record TestEmailResponse(string To, bool Delivered, string Status, string Detail, string Source, SmtpSettingsResponse? Settings);
