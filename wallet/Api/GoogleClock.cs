using Google.Apis.Util;

namespace Loyalty.Wallet.Api;

/// <summary>Google's clock interface over our <see cref="TimeProvider"/>: token lifetimes follow the tests' manual clock.</summary>
internal sealed class GoogleClock(TimeProvider time) : IClock
{
    public DateTime Now => time.GetLocalNow().DateTime;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
