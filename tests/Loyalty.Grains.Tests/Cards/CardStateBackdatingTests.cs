using Loyalty.Grains.Cards;
using Loyalty.Grains.Rules;
using static Loyalty.Grains.Tests.Cards.CardFixtures;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>
/// Cooldowns and daily caps hold for the time the server received a stamp as well as for the tablet's time, so an
/// <c>occurredAt</c> in the past cannot space stamps out that arrive together.
/// </summary>
public sealed class CardStateBackdatingTests
{
    [Fact]
    public void AddStamps_BackdatedApartButReceivedInsideTheCooldown_RefusedAsCooldown()
    {
        var program = StampProgram(cooldownSeconds: 600);
        var card = Apply(NewCard(program, Start.AddDays(-1)).AddStamps(program, 1, Received(Start.AddMinutes(-60), Start)));

        var result = card.AddStamps(program, 1, Received(Start.AddMinutes(-40), Start.AddSeconds(10)));

        Assert.Equal(ErrorCodes.CooldownActive, result.Violation?.Code);
        Assert.Equal(Start.AddMinutes(10), result.Violation!.RetryAt);
    }

    [Fact]
    public void AddStamps_BackdatedToEarlierDaysButReceivedTheSameDay_RefusedAsDailyLimit()
    {
        var program = StampProgram(maxPerDay: 1);
        var card = Apply(NewCard(program, Start.AddDays(-5)).AddStamps(program, 1, Received(Start.AddDays(-3), Start)));

        var result = card.AddStamps(program, 1, Received(Start.AddDays(-2), Start.AddMinutes(1)));

        Assert.Equal(ErrorCodes.DailyLimitReached, result.Violation?.Code);
    }

    [Fact]
    public void AddStamps_QueuedApartAndReceivedApart_AreBothApplied()
    {
        var program = StampProgram(cooldownSeconds: 600, maxPerDay: 1);
        var card = Apply(NewCard(program, Start.AddDays(-5)).AddStamps(program, 1, Received(Start.AddDays(-3), Start.AddDays(-3))));

        var result = card.AddStamps(program, 1, Received(Start.AddDays(-2), Start));

        Assert.True(result.Succeeded, result.Violation?.Message);
        Assert.Equal(2, result.State.Stamps);
    }

    [Fact]
    public void AddStamps_ReceivedLongAfterTheCooldown_KeepsTheReceivedTimeInTheHistory()
    {
        var program = StampProgram(cooldownSeconds: 600);
        var card = Apply(NewCard(program, Start.AddDays(-40)).AddStamps(program, 1, Received(Start.AddDays(-30), Start)));

        var result = card.AddStamps(program, 1, Received(Start.AddMinutes(5), Start.AddMinutes(5)));

        Assert.Equal(ErrorCodes.CooldownActive, result.Violation?.Code);
    }

    private static OperationContext Received(DateTimeOffset occurred, DateTimeOffset received) =>
        At(received) with { OccurredAt = occurred };
}
