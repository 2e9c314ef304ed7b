using Loyalty.Wallet.Check;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Web.Pages.Admin.Wallet;

/// <summary>
/// The Google Wallet check for platform admins: the service account's sign-in, the issuer, the logo and the passes whose
/// resync is failing, each with a plain sentence of what is wrong (<see cref="GoogleWalletCheck"/>).
/// </summary>
[Authorize(Policy = AdminPolicies.PlatformAdmin)]
public sealed class IndexModel(GoogleWalletCheck check) : AdminPageModel
{
    public WalletCheckReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await check.RunAsync(cancellationToken);
}
