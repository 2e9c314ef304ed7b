using System.Globalization;
using System.Text.Json;
using Loyalty.Email.Settings;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Loyalty.Web.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Email;

/// <summary>
/// SMTP settings (platform admins): the settings in force and where they come from, the override form (the password
/// write-only), removing the override, and the test e-mail that reports the settings it actually used; through the
/// same <see cref="EmailSettingsEditor"/> as the API.
/// </summary>
[Authorize(Policy = AdminPolicies.PlatformAdmin)]
public sealed class SettingsModel(EmailSettingsEditor settings, IStringLocalizer<EmailStrings> text) : AdminPageModel
{
    public const string Path = "/admin/email/settings";
    private const string ReportKey = "Loyalty.Admin.Email.TestReport";

    [BindProperty]
    public SmtpOverrideForm Form { get; set; } = new();

    [BindProperty]
    public string? To { get; set; }

    public EmailSettingsView View { get; private set; } = null!;

    public TestEmailReport? Report { get; private set; }

    public static IReadOnlyList<string> SecurityChoices { get; } = Enum.GetNames<SmtpSecurity>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await settings.GetAsync(cancellationToken);
        FillForm();
        if (TempData[ReportKey] is string report)
        {
            Report = JsonSerializer.Deserialize<TestEmailReport>(report);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var port = int.TryParse(Form.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
        var password = Form.RemovePassword ? "" : string.IsNullOrEmpty(Form.Password) ? null : Form.Password;
        var draft = new SmtpOverrideDraft(Form.Host, port, Form.Security, Form.Username, password, Form.From);
        var saved = await settings.SaveAsync(draft, Admin.Actor, cancellationToken);
        if (!saved.Succeeded)
        {
            EmailFieldErrorMessages.AddTo(ModelState, saved.Errors, text, field => $"{nameof(Form)}.{char.ToUpperInvariant(field[0])}{field[1..]}");
            return await InvalidAsync(fillForm: false, cancellationToken);
        }

        Flash(text["Settings.Saved"]);
        return LocalRedirect(Path);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        Flash(await settings.DeleteAsync(cancellationToken) ? text["Settings.Removed"] : text["Settings.NothingToRemove"]);
        return LocalRedirect(Path);
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        var test = await settings.SendTestAsync(To, cancellationToken);
        if (!test.Succeeded)
        {
            EmailFieldErrorMessages.AddTo(ModelState, test.Errors, text, _ => nameof(To));
            return await InvalidAsync(fillForm: true, cancellationToken);
        }

        var result = test.Value!;
        var used = result.Settings;
        TempData[ReportKey] = JsonSerializer.Serialize(new TestEmailReport(
            result.Recipient, result.Status, result.Detail, result.Source.ToString(), used?.Host, used?.Port, used?.Security.ToString(), used?.From));
        Flash(text["Settings.TestDone", result.Recipient]);
        return LocalRedirect(Path);
    }

    public string SourceText(SmtpSettingsSource source) => text[$"Source.{source}"];

    public string SourceText(string source) => Enum.TryParse<SmtpSettingsSource>(source, out var parsed) ? SourceText(parsed) : source;

    /// <summary>The override form shows the override, else the configuration's settings, to start from (never a password).</summary>
    private void FillForm()
    {
        var shown = View.Override?.Settings ?? View.Configuration;
        Form = new SmtpOverrideForm
        {
            Host = shown?.Host,
            Port = shown?.Port.ToString(CultureInfo.InvariantCulture),
            Security = (shown?.Security ?? SmtpSecurity.StartTls).ToString(),
            Username = shown?.Username,
            From = shown?.From,
        };
    }

    private async Task<PageResult> InvalidAsync(bool fillForm, CancellationToken cancellationToken)
    {
        View = await settings.GetAsync(cancellationToken);
        if (fillForm)
        {
            FillForm();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
