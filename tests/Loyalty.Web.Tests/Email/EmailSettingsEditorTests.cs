using Loyalty.Web.Email;

namespace Loyalty.Web.Tests.Email;

public sealed class EmailSettingsEditorTests
{
    [Fact]
    public void Validate_AGoodDraft_HasNoErrors()
    {
        Assert.Empty(EmailSettingsEditor.Validate(new SmtpOverrideDraft("smtp.example.com", 587, "StartTls", "mailer", null, "Shop <shop@example.com>")));
    }

    [Fact]
    public void Validate_EveryBadField_IsAnErrorInTheApisOrder()
    {
        var errors = EmailSettingsEditor.Validate(new SmtpOverrideDraft("smtp example", 0, "1", new string('u', 257), "pass\u0000word", "nobody"));

        Assert.Equal(
            ["host:host", "port:port", "security:security", "username:username", "password:control-characters", "from:address"],
            errors.Select(e => $"{e.Field}:{e.Code}"));
        Assert.Equal("Must be from 1 to 65535.", errors[1].Message);
    }

    [Fact]
    public void Draft_ToString_LeavesThePasswordOut()
    {
        var draft = new SmtpOverrideDraft("smtp.example.com", 587, "StartTls", "mailer", "s3cret-password", "shop@example.com");

        Assert.DoesNotContain("s3cret-password", draft.ToString(), StringComparison.Ordinal);
    }
}
