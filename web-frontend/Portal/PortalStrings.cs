namespace Loyalty.Web.Portal;

/// <summary>
/// The customer portal's texts: <c>PortalStrings.resx</c> (English) and its fr, de and lb translations beside this file,
/// read through <c>IStringLocalizer&lt;PortalStrings&gt;</c> with the site's localization (the visitor's language).
/// </summary>
public sealed class PortalStrings;
