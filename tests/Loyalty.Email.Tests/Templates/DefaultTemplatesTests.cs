using Loyalty.Email.Templates;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Email.Tests.Templates;

public sealed class DefaultTemplatesTests
{
    public static TheoryData<string, string> Every()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in EmailTemplateNames.All)
        {
            foreach (var locale in Locales.Supported)
            {
                data.Add(template, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Get_EveryTemplateAndLanguage_HasAllPartsUsingOnlyItsVariables(string template, string locale)
    {
        var content = DefaultTemplates.Get(template, locale);
        var allowed = EmailTemplateNames.Variables[template];

        Assert.NotEmpty(content.Subject);
        Assert.Empty(TemplateRenderer.UnknownVariables(content.Subject + content.Html + content.Text, allowed.ToArray()));
        Assert.Contains($"<html lang=\"{locale}\">", content.Html, StringComparison.Ordinal);
        var link = template switch
        {
            Grains.Cards.OutboxTopics.PortalSignIn => "{{signInLink}}",
            Grains.Cards.OutboxTopics.AdminPasswordReset => "{{resetLink}}",
            _ => "{{cardLink}}",
        };
        Assert.Contains(link, content.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", content.Html, StringComparison.Ordinal);
        if (locale != Locales.Default)
        {
            // Translated, not copied: every part differs from the English one.
            var english = DefaultTemplates.Get(template, Locales.Default);
            Assert.NotEqual(english.Subject, content.Subject);
            Assert.NotEqual(english.Text, content.Text);
        }
    }

    [Fact]
    public void Get_Enrollment_PlacesTheAppleWalletButtonRightAfterGooglesInEveryLanguage()
    {
        Assert.All(Locales.Supported, locale =>
        {
            var content = DefaultTemplates.Get(Grains.Cards.OutboxTopics.Enrollment, locale);
            Assert.Contains("{{googleWalletButtonHtml}}{{appleWalletButtonHtml}}", content.Html, StringComparison.Ordinal);
            Assert.Contains("{{googleWalletLine}}{{appleWalletLine}}", content.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Get_Enrollment_ShowsTheQrCodeInEveryLanguage()
    {
        Assert.All(Locales.Supported, locale =>
            Assert.Contains("<img src=\"{{qrCode}}\"", DefaultTemplates.Get(Grains.Cards.OutboxTopics.Enrollment, locale).Html, StringComparison.Ordinal));
    }
}
