namespace Loyalty.Web.AdminSite;

/// <summary>
/// The admin card pages' texts (<c>/admin/cards</c>): <c>CardsStrings.resx</c> (English) and its fr, de and lb
/// translations beside this file, read through <c>IStringLocalizer&lt;CardsStrings&gt;</c> in the visitor's language.
/// </summary>
public sealed class CardsStrings;
