using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.AdminSite.Catalog;

namespace Loyalty.Web.Tests.AdminSite.Catalog;

public sealed class ProgramFormTests
{
    [Fact]
    public void ToUpdateRequest_BlankRows_AreLeftOutAndErrorsGoBackToTheirRows()
    {
        var form = new ProgramForm
        {
            Name = "Points",
            Kind = "points",
            Currency = "  ",
            Rewards =
            [
                new RewardForm(),
                new RewardForm { Id = "r-1", Name = "Bag", PointsCost = 500 },
                new RewardForm(),
                new RewardForm { Name = "Scarf", PointsCost = 0 },
            ],
            Terms = new LocalizedTexts { Fr = "Conditions", De = " " },
        };

        var request = form.ToUpdateRequest();

        Assert.Equal(["r-1:Bag:500", ":Scarf:0"], request.Rewards!.Select(r => $"{r!.Id}:{r.Name}:{r.PointsCost}"));
        Assert.Null(request.Currency);
        Assert.Equal(["fr=Conditions"], request.Terms!.Select(pair => $"{pair.Key}={pair.Value}"));
        Assert.Equal("rewards[3].pointsCost", form.ToFormPath("rewards[1].pointsCost"));
        Assert.Equal("rewards[1].id", form.ToFormPath("rewards[0].id"));
        Assert.Equal("rewards[7]", form.ToFormPath("rewards[7]"));
        Assert.Equal("pointExpiry.days", form.ToFormPath("pointExpiry.days"));
        Assert.Equal("Rewards[3].PointsCost", CatalogErrors.FormPath(form.ToFormPath("rewards[1].pointsCost")));
        Assert.Equal("Descriptions.Fr", CatalogErrors.FormPath("descriptions.fr"));
    }

    [Fact]
    public void From_ThenWithSpareRows_KeepsRewardsAndEndsWithTwoBlankRows()
    {
        var program = new ProgramDefinition
        {
            Id = Guid.NewGuid().ToString("D"),
            MerchantId = Guid.NewGuid().ToString("D"),
            Name = "Points",
            Kind = ProgramKind.Points,
            PointsPerCurrencyUnit = 10,
            Currency = "EUR",
            Rewards = [new RewardDefinition("r-1", "Bag", 500)],
            PointExpiry = new PointExpiryPolicy(PointExpiryMode.AfterEarning, 365),
            Terms = new LocalizedText(new Dictionary<string, string> { ["lb"] = "Konditiounen" }),
        };

        var form = ProgramForm.From(program).WithSpareRows().WithSpareRows();

        Assert.Equal("points", form.Kind);
        Assert.Equal("afterEarning", form.PointExpiry.Mode);
        Assert.Equal(365, form.PointExpiry.Days);
        Assert.Equal("Konditiounen", form.Terms.Lb);
        Assert.Equal(["r-1:Bag:500", "::", "::"], form.Rewards.Select(r => $"{r.Id}:{r.Name}:{r.PointsCost}"));
    }
}
