using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Rules;
using static Loyalty.Grains.Tests.Cards.CardFixtures;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardStateStampsTests
{
    [Fact]
    public void AddStamps_ReachingTarget_CarriesOverIntoReward()
    {
        var program = StampProgram(stampsRequired: 10);
        var card = Apply(NewCard(program).AddStamps(program, 9, At(Start)));

        var result = card.AddStamps(program, 3, At(Start.AddMinutes(1)));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.State.Stamps);
        Assert.Equal(1, result.State.RewardsAvailable);
        Assert.Equal(LedgerKind.Stamp, result.Fact.Kind);
        Assert.Equal(3, result.Fact.StampsDelta);
        Assert.Equal(1, result.Fact.RewardsDelta);
        Assert.Equal(2, result.Fact.StampsAfter);
        Assert.Equal(1, result.Fact.RewardsAvailableAfter);
        Assert.Equal("3 stamp(s) added; 1 reward(s) earned", result.Fact.Reason);
    }

    [Fact]
    public void AddStamps_SeveralTargetsAtOnce_AddsSeveralRewards()
    {
        var program = StampProgram(stampsRequired: 3);

        var state = Apply(NewCard(program).AddStamps(program, 10, At(Start)));

        Assert.Equal(1, state.Stamps);
        Assert.Equal(3, state.RewardsAvailable);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-1)]
    public void AddStamps_CountOutOfRange_RefusedAsValidation(int count)
    {
        var program = StampProgram();

        var result = NewCard(program).AddStamps(program, count, At(Start));

        Assert.Equal(ErrorCodes.Validation, result.Violation?.Code);
        Assert.Equal(["count"], result.Violation!.Errors!.Keys);
    }

    [Fact]
    public void AddStamps_WithinCooldown_RefusedWithEndOfCooldown()
    {
        var program = StampProgram(cooldownSeconds: 300);
        var card = Apply(NewCard(program).AddStamps(program, 1, At(Start)));

        var result = card.AddStamps(program, 1, At(Start.AddSeconds(299)));

        Assert.Equal(ErrorCodes.CooldownActive, result.Violation?.Code);
        Assert.Equal(Start.AddSeconds(300), result.Violation!.RetryAt);
    }

    [Fact]
    public void AddStamps_ExactlyAtEndOfCooldown_Allowed()
    {
        var program = StampProgram(cooldownSeconds: 300);
        var card = Apply(NewCard(program).AddStamps(program, 1, At(Start)));

        var result = card.AddStamps(program, 1, At(Start.AddSeconds(300)));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.State.Stamps);
    }

    [Fact]
    public void AddStamps_OfflineStampJustBeforeARecordedOne_RefusedByCooldown()
    {
        var program = StampProgram(cooldownSeconds: 300);
        var card = Apply(NewCard(program).AddStamps(program, 1, At(Start)));
        var offline = At(Start.AddMinutes(10)) with { OccurredAt = Start.AddSeconds(-60) };

        var result = card.AddStamps(program, 1, offline);

        Assert.Equal(ErrorCodes.CooldownActive, result.Violation?.Code);
    }

    [Fact]
    public void AddStamps_OverDailyCap_RefusedUntilLocalMidnight()
    {
        var program = StampProgram(maxPerDay: 3);
        // 20:00 UTC on 16 May is 22:00 in Luxembourg (CEST, UTC+2).
        var evening = new DateTimeOffset(2026, 5, 16, 20, 0, 0, TimeSpan.Zero);
        var card = Apply(NewCard(program).AddStamps(program, 3, At(evening, Luxembourg)));

        var result = card.AddStamps(program, 1, At(evening.AddHours(1), Luxembourg));

        Assert.Equal(ErrorCodes.DailyLimitReached, result.Violation?.Code);
        Assert.Equal(new DateTimeOffset(2026, 5, 17, 0, 0, 0, TimeSpan.FromHours(2)), result.Violation!.RetryAt);
    }

    [Fact]
    public void AddStamps_AfterLocalMidnightBeforeUtcMidnight_CountsTowardNewDay()
    {
        var program = StampProgram(maxPerDay: 3);
        var evening = new DateTimeOffset(2026, 5, 16, 20, 0, 0, TimeSpan.Zero);
        var card = Apply(NewCard(program).AddStamps(program, 3, At(evening, Luxembourg)));

        // 22:30 UTC is still 16 May in UTC, but already 00:30 on 17 May in Luxembourg.
        var result = card.AddStamps(program, 3, At(new DateTimeOffset(2026, 5, 16, 22, 30, 0, TimeSpan.Zero), Luxembourg));

        Assert.True(result.Succeeded);
        Assert.Equal(6, result.State.Stamps);
    }

    [Fact]
    public void AddStamps_SameUtcDayButInUtcStore_RefusedByCap()
    {
        var program = StampProgram(maxPerDay: 3);
        var evening = new DateTimeOffset(2026, 5, 16, 20, 0, 0, TimeSpan.Zero);
        var card = Apply(NewCard(program).AddStamps(program, 3, At(evening)));

        var result = card.AddStamps(program, 1, At(new DateTimeOffset(2026, 5, 16, 22, 30, 0, TimeSpan.Zero)));

        Assert.Equal(ErrorCodes.DailyLimitReached, result.Violation?.Code);
    }

    [Fact]
    public void AddStamps_PartlyOverCap_RefusedAndNothingChanged()
    {
        var program = StampProgram(maxPerDay: 5);
        var card = Apply(NewCard(program).AddStamps(program, 4, At(Start)));

        var result = card.AddStamps(program, 2, At(Start.AddHours(1)));

        Assert.Equal(ErrorCodes.DailyLimitReached, result.Violation?.Code);
        Assert.Null(result.State);
        Assert.Equal(4, card.Stamps);
    }

    [Fact]
    public void AddStamps_InactiveCard_RefusedAsCardInactive()
    {
        var program = StampProgram();
        var card = Apply(NewCard(program).Deactivate("Lost card", At(Start)));

        var result = card.AddStamps(program, 1, At(Start.AddMinutes(1)));

        Assert.Equal(ErrorCodes.CardInactive, result.Violation?.Code);
    }

    [Fact]
    public void AddStamps_PointsOnlyProgram_RefusedAsValidation()
    {
        var program = PointsProgram();

        var result = NewCard(program).AddStamps(program, 1, At(Start));

        Assert.Equal(ErrorCodes.Validation, result.Violation?.Code);
    }

    [Fact]
    public void AddStamps_ManyOperations_KeepsRecentStampsBounded()
    {
        var program = StampProgram(maxPerDay: 1000);
        var card = NewCard(program);
        for (var i = 0; i < 400; i++)
            card = Apply(card.AddStamps(program, 1, At(Start.AddMinutes(i * 30))));

        Assert.Equal(96, card.RecentStamps.Count);
        Assert.True(card.Transactions.Count <= CardState.MaxTransactionRecords);
    }
}
