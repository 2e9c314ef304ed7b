namespace Loyalty.Web.AdminSite;

/// <summary>
/// The admin e-mail pages' texts (log, templates, settings): <c>EmailStrings.resx</c> (English) and its fr, de and lb
/// translations beside this file, read through <c>IStringLocalizer&lt;EmailStrings&gt;</c>.
/// </summary>
public sealed class EmailStrings;
