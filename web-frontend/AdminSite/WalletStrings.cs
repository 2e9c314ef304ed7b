namespace Loyalty.Web.AdminSite;

/// <summary>The wallet check page's texts (<c>/admin/wallet</c>): <c>WalletStrings.resx</c> (English) and its fr, de and lb translations.</summary>
public sealed class WalletStrings;
