namespace Loyalty.Web.AdminSite;

/// <summary>
/// The admin site's common texts (layout, navigation, buttons, pager, empty state, confirmation, errors, sign-in):
/// <c>AdminStrings.resx</c> (English) and its fr, de and lb translations beside this file, read in pages as <c>A</c>
/// (<c>Pages/Admin/_ViewImports.cshtml</c>). Each area keeps its own texts in its own resource class.
/// </summary>
public sealed class AdminStrings;
