using Loyalty.Web.Email;

namespace Loyalty.Web.Tests.Email;

public sealed class EmailLogServiceTests
{
    [Fact]
    public void ValidateFilter_KnownValues_HaveNoErrors()
    {
        Assert.Empty(EmailLogService.ValidateFilter("gave-up", "test"));
        Assert.Empty(EmailLogService.ValidateFilter(null, "portal-sign-in"));
    }

    [Fact]
    public void ValidateFilter_UnknownValues_AreStatusAndTemplateErrors()
    {
        var errors = EmailLogService.ValidateFilter("lost", "newsletter");

        Assert.Equal(
            [
                ("status", "Must be one of sent, failed, gave-up, not-sent."),
                ("template", "Must be one of enrollment, welcome-bonus, reward-ready, points-expiring, points-expired, portal-sign-in, admin-password-reset, test."),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }
}
