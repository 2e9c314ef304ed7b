using Loyalty.Email.Templates;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.Email;

namespace Loyalty.Web.Tests.Email;

public sealed class EmailTemplateEditorTests
{
    [Fact]
    public void Validate_EveryDefault_HasNoErrors()
    {
        foreach (var template in EmailTemplateNames.All)
        {
            foreach (var locale in Locales.Supported)
            {
                var content = DefaultTemplates.Get(template, locale);
                Assert.Empty(EmailTemplateEditor.Validate(template, content.Subject, content.Html, content.Text));
            }
        }
    }

    [Fact]
    public void Validate_BadParts_AreFieldErrorsInTheApisOrder()
    {
        var errors = EmailTemplateEditor.Validate(
            "reward-ready", "Two\nlines {{points}}", new string('x', EmailTemplateEditor.MaxBodyLength + 1), "Hi\u0007 {{customerName}}");

        Assert.Equal(
        [
            new EmailFieldError("subject", EmailFieldErrorCodes.ControlCharacters, "Must not contain control characters.", []),
            new EmailFieldError("subject", EmailFieldErrorCodes.UnknownVariables,
                "Unknown variables: {{points}}. This template knows {{customerName}}, {{merchantName}}, {{cardNumber}}, {{cardLink}}, {{rewardsAvailable}}.",
                ["{{points}}", "{{customerName}}, {{merchantName}}, {{cardNumber}}, {{cardLink}}, {{rewardsAvailable}}"]),
            new EmailFieldError("html", EmailFieldErrorCodes.TooLong, "Must be at most 65536 characters.", ["65536"]),
            new EmailFieldError("text", EmailFieldErrorCodes.ControlCharacters, "Must not contain control characters other than line breaks and tabs.", []),
            new EmailFieldError("subject", EmailFieldErrorCodes.NotOneLine, "Must be one line.", []),
        ], errors, new FieldErrorComparer());
    }

    [Fact]
    public void Validate_MissingParts_AreRequired()
    {
        var errors = EmailTemplateEditor.Validate("enrollment", null, " ", "");

        Assert.Equal(["subject:required", "html:required", "text:required"], errors.Select(e => $"{e.Field}:{e.Code}"));
    }

    private sealed class FieldErrorComparer : IEqualityComparer<EmailFieldError>
    {
        public bool Equals(EmailFieldError? x, EmailFieldError? y) =>
            x is not null && y is not null && (x.Field, x.Code, x.Message) == (y.Field, y.Code, y.Message) && x.Arguments.SequenceEqual(y.Arguments);

        public int GetHashCode(EmailFieldError obj) => obj.Field.GetHashCode(StringComparison.Ordinal);
    }
}
