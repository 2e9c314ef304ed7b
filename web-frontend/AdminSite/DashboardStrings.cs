namespace Loyalty.Web.AdminSite;

/// <summary>The dashboard's texts: <c>DashboardStrings.resx</c> (English) and its fr, de and lb translations beside this file.</summary>
public sealed class DashboardStrings;
