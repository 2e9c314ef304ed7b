namespace Loyalty.Web.AdminSite;

/// <summary>The accounts pages' texts (<c>/admin/accounts</c>): <c>AccountsStrings.resx</c> and its fr, de and lb translations.</summary>
public sealed class AccountsStrings;
