using Loyalty.Email.Templates;
using Loyalty.Grains.Cards;

namespace Loyalty.Email.Tests.Templates;

public sealed class TemplatePreviewTests
{
    [Fact]
    public void Render_EnrollmentInFrench_ShowsBothWalletButtonsWithSampleLinks()
    {
        var preview = TemplatePreview.Render(OutboxTopics.Enrollment, "fr", DefaultTemplates.Get(OutboxTopics.Enrollment, "fr"), DateTimeOffset.UnixEpoch);

        Assert.Contains(
            ">Ajouter à Google Wallet</a></p><p><a href=\"https://loyalty.example/m/fashionhub/card/sample/wallet/apple\" style=\"display:inline-block;background:#000;",
            preview.Html,
            StringComparison.Ordinal);
        Assert.Contains(">Ajouter à Apple Wallet</a></p>", preview.Html, StringComparison.Ordinal);
        Assert.Contains(
            "\n\nAjoutez votre carte à Google Wallet :\nhttps://loyalty.example/m/fashionhub/card/sample/google-wallet\n"
            + "\nAjoutez votre carte à Apple Wallet :\nhttps://loyalty.example/m/fashionhub/card/sample/wallet/apple\n\nÀ bientôt,",
            preview.Text,
            StringComparison.Ordinal);
    }
}
