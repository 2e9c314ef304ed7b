using Loyalty.Web.Storefront;

namespace Loyalty.Web.Tests.Storefront;

public sealed class EnrollmentFormValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static EnrollmentForm Valid() => new()
    {
        Name = "  Ana Lima ",
        Email = " Ana@Example.com ",
        Phone = "+352 621 000 000",
        Birthday = "1990-05-17",
        Language = "fr",
        AcceptTerms = "true",
    };

    [Fact]
    public void Validate_CompleteForm_HasNoErrors()
    {
        Assert.Empty(EnrollmentFormValidator.Validate(Valid(), Today));
    }

    [Fact]
    public void Validate_OptionalFieldsLeftOut_HasNoErrors()
    {
        var form = Valid();
        form.Phone = "";
        form.Birthday = null;
        form.Marketing = null;

        Assert.Empty(EnrollmentFormValidator.Validate(form, Today));
    }

    [Fact]
    public void Validate_EmptyForm_NamesEveryRequiredField()
    {
        var errors = EnrollmentFormValidator.Validate(new EnrollmentForm(), Today);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Name"] = "Join.Error.NameRequired",
                ["Email"] = "Join.Error.EmailRequired",
                ["Language"] = "Join.Error.LanguageInvalid",
                ["AcceptTerms"] = "Join.Error.TermsRequired",
            },
            errors);
    }

    [Theory]
    [InlineData("Name", "Ana\u0000Lima", "Join.Error.NameInvalid")]
    [InlineData("Email", "ana@", "Join.Error.EmailInvalid")]
    [InlineData("Email", "ana@localhost", "Join.Error.EmailInvalid")]
    [InlineData("Phone", "call me", "Join.Error.PhoneInvalid")]
    [InlineData("Phone", "12", "Join.Error.PhoneInvalid")]
    [InlineData("Birthday", "2026-12-07", "Join.Error.BirthdayInvalid")]
    [InlineData("Birthday", "1899-12-31", "Join.Error.BirthdayInvalid")]
    [InlineData("Birthday", "17/05/1990", "Join.Error.BirthdayInvalid")]
    [InlineData("Language", "es", "Join.Error.LanguageInvalid")]
    [InlineData("AcceptTerms", "yes", "Join.Error.TermsRequired")]
    public void Validate_OneBadField_NamesThatFieldOnly(string field, string value, string expectedKey)
    {
        var form = Valid();
        typeof(EnrollmentForm).GetProperty(field)!.SetValue(form, value);

        var errors = EnrollmentFormValidator.Validate(form, Today);

        Assert.Equal(new Dictionary<string, string> { [field] = expectedKey }, errors);
    }

    [Fact]
    public void Validate_NameLongerThan200_IsInvalid()
    {
        var form = Valid();
        form.Name = new string('a', 201);

        Assert.Equal("Join.Error.NameInvalid", EnrollmentFormValidator.Validate(form, Today)["Name"]);
    }

    [Fact]
    public void ToCustomer_ValidForm_TrimsAndKeepsTheMarketingChoiceApart()
    {
        var form = Valid();
        form.Language = "FR";
        form.Marketing = "true";

        var customer = EnrollmentFormValidator.ToCustomer(form);

        Assert.Equal("Ana Lima", customer.Name);
        Assert.Equal("Ana@Example.com", customer.Email);
        Assert.Equal("+352 621 000 000", customer.Phone);
        Assert.Equal(new DateOnly(1990, 5, 17), customer.Birthday);
        Assert.Equal("fr", customer.Locale);
        Assert.True(customer.MarketingOptIn);
    }

    [Fact]
    public void ToCustomer_NoMarketingChoice_IsNotOptedIn()
    {
        var customer = EnrollmentFormValidator.ToCustomer(Valid());

        Assert.False(customer.MarketingOptIn);
        Assert.Equal("+352 621 000 000", customer.Phone);
    }
}
