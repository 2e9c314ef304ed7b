using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.AppleWallet;

/// <summary>The terminal app with Apple Wallet not configured (every key of the test configuration emptied).</summary>
public sealed class AppleWalletOffApp : TerminalApp
{
    public AppleWalletOffApp()
        : base(TestPassCertificates.Settings().Where(setting => !setting.Key.EndsWith(":PushPollInterval", StringComparison.Ordinal))
            .ToDictionary(setting => setting.Key, _ => (string?)""))
    {
    }
}
