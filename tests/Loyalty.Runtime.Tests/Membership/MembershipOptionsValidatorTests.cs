using Loyalty.Runtime.Membership;

namespace Loyalty.Runtime.Tests.Membership;

public sealed class MembershipOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new MembershipOptionsValidator().Validate(null, new MembershipOptions()).Succeeded);

    [Fact]
    public void Validate_DeathTimeoutNotMoreThanTwoHeartbeats_FailsNamingBoth()
    {
        var options = new MembershipOptions { HeartbeatPeriod = TimeSpan.FromSeconds(5), DeathTimeout = TimeSpan.FromSeconds(10) };

        var result = new MembershipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            "MembershipOptions.DeathTimeout (00:00:10) must be more than twice HeartbeatPeriod (00:00:05).",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_ZeroRefreshPeriod_Fails()
    {
        var result = new MembershipOptionsValidator().Validate(null, new MembershipOptions { RefreshPeriod = TimeSpan.Zero });

        Assert.Contains("MembershipOptions.RefreshPeriod must be between", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
