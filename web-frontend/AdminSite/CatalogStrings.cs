namespace Loyalty.Web.AdminSite;

/// <summary>
/// The texts of the admin catalogue pages (merchants, stores, program editor): <c>CatalogStrings.resx</c> (English)
/// and its fr, de and lb translations beside this file.
/// </summary>
public sealed class CatalogStrings;
