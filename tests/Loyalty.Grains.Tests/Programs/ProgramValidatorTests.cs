using Loyalty.Grains.Programs;
using Loyalty.Grains.Tests.Cards;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Tests.Programs;

public sealed class ProgramValidatorTests
{
    [Fact]
    public void Validate_WellFormedPrograms_NoErrors()
    {
        Assert.True(ProgramValidator.Validate(CardFixtures.StampProgram()).IsEmpty);
        Assert.True(ProgramValidator.Validate(CardFixtures.PointsProgram()).IsEmpty);
        Assert.True(ProgramValidator.Validate(CardFixtures.HybridProgram()).IsEmpty);
    }

    [Fact]
    public void Validate_PointAmountsPastTheCardLimits_ReportsEachField()
    {
        var program = CardFixtures.PointsProgram() with
        {
            Rewards = [new RewardDefinition("a", "A", long.MaxValue)],
            WelcomeBonusPoints = long.MaxValue,
            TierThresholds = new TierThresholds(long.MaxValue - 1, long.MaxValue),
        };

        var errors = ProgramValidator.Validate(program).ToDictionary();

        Assert.Equal(["rewards[0].pointsCost", "tierThresholds.gold", "tierThresholds.silver", "welcomeBonusPoints"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([$"Must be between 1 and {Loyalty.Grains.Cards.CardLimits.MaxPoints}."], errors["rewards[0].pointsCost"]);
        Assert.Equal([$"Must be between 0 and {ProgramValidator.MaxWelcomeBonusPoints}."], errors["welcomeBonusPoints"]);
    }

    [Fact]
    public void Validate_StampProgramWithoutTarget_ReportsStampFields()
    {
        var program = CardFixtures.StampProgram() with { StampsRequired = null, StampRewardName = " " };

        var errors = ProgramValidator.Validate(program).ToDictionary();

        Assert.Equal(["stampRewardName", "stampsRequired"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Required for stamp and hybrid programs."], errors["stampsRequired"]);
    }

    [Fact]
    public void Validate_PointsProgramWithBadFields_ReportsEachField()
    {
        var program = CardFixtures.PointsProgram() with
        {
            Name = "",
            PointsPerCurrencyUnit = 0,
            Currency = "XYZ",
            Rewards = [new RewardDefinition("a", "A", 0), new RewardDefinition("a", "", 10)],
            WelcomeBonusPoints = -1,
            StampCooldownSeconds = -5,
            MaxStampsPerCardPerDay = 0,
            PointExpiry = PointExpiryPolicy.AfterEarning(0),
            TierThresholds = new TierThresholds(Silver: 5000, Gold: 5000),
            Terms = new LocalizedText(new Dictionary<string, string> { ["it"] = "Termini" }),
        };

        var errors = ProgramValidator.Validate(program).ToDictionary();

        Assert.Equal(
            [
                "currency", "maxStampsPerCardPerDay", "name", "pointExpiry.days", "pointsPerCurrencyUnit",
                "rewards[0].pointsCost", "rewards[1].id", "rewards[1].name", "stampCooldownSeconds", "terms.it",
                "tierThresholds.gold", "welcomeBonusPoints",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Duplicate reward id."], errors["rewards[1].id"]);
    }

    [Fact]
    public void Validate_StampProgramWithPointFields_ReportsThem()
    {
        var program = CardFixtures.StampProgram() with
        {
            PointsPerCurrencyUnit = 10,
            Rewards = [new RewardDefinition("a", "A", 10)],
            PointExpiry = PointExpiryPolicy.Inactivity(30),
        };

        var errors = ProgramValidator.Validate(program).ToDictionary();

        Assert.Equal(["pointExpiry.mode", "pointsPerCurrencyUnit", "rewards"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
