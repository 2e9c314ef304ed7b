using System.Text;
using System.Text.Json;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Runtime.Persistence;
using static Loyalty.Grains.Tests.Cards.CardFixtures;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>
/// A card's state is stored as a snapshot plus one change per write (ADR 0012): whatever a card goes through, its stored
/// snapshot with the changes written since must read back as the state the card has in memory, from any snapshot.
/// </summary>
public sealed class CardStateChangesTests
{
    private static readonly JsonSerializerOptions Options = new GrainStateSerializer().Options;

    [Fact]
    public void EnsureImmutable_CardGrainState_Passes() => StateChanges.EnsureImmutable(typeof(CardGrainState), Options);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Changes_RandomOperations_ReplayedOntoAnySnapshotGiveTheLiveState(int seed)
    {
        var random = new Random(seed);
        var program = HybridProgram() with { PointExpiry = PointExpiryPolicy.AfterEarning(20), MaxStampsPerCardPerDay = 40 };
        var at = Start;
        var states = new List<CardGrainState> { new() { Card = NewCard(program, at), MerchantId = Guid.NewGuid(), Head = new LedgerHead(1, "h1") } };
        for (var step = 0; step < 400; step++)
        {
            at = at.AddMinutes(random.Next(0, 24 * 60));
            states.Add(Operate(states[^1], program, random, at, step));
        }

        var applied = 0;
        foreach (var (before, after) in states.Zip(states.Skip(1)))
        {
            applied += before.Card!.Transactions.Count != after.Card!.Transactions.Count || before.Head != after.Head ? 1 : 0;
        }

        for (var from = 0; from < states.Count; from += 13)
        {
            var changes = new StringBuilder();
            for (var i = from + 1; i < states.Count; i++)
            {
                var change = StateChanges.Diff(states[i - 1], states[i], Options);
                changes.Append(change is null ? "{}" : Encoding.UTF8.GetString(change)).Append('\n');
            }

            var replayed = StateChanges.Apply(JsonSerializer.SerializeToUtf8Bytes(states[from], Options), changes.ToString());

            Assert.Equal(JsonSerializer.Serialize(states[^1], Options), JsonSerializer.Serialize(JsonSerializer.Deserialize<CardGrainState>(replayed, Options), Options));
        }

        // The operations were mostly applied, not refused: the sequence exercised the rules, not just the refusals.
        Assert.InRange(applied, 200, 400);
    }

    /// <summary>One operation a card grain could perform, with what the grain does around it (ledger head, keys, reminders).</summary>
    private static CardGrainState Operate(CardGrainState state, ProgramDefinition program, Random random, DateTimeOffset at, int step)
    {
        var card = state.Card!;
        var context = At(at, random.Next(4) == 0 ? Luxembourg : null) with
        {
            OccurredAt = random.Next(5) == 0 ? at.AddMinutes(-random.Next(1, 300)).ToOffset(TimeSpan.FromHours(1)) : at,
        };
        var voidable = card.Transactions.Where(t => t.IsVoidable && !t.Voided).ToList();
        var result = random.Next(10) switch
        {
            0 or 1 or 2 => card.AddStamps(program, random.Next(1, 4), context),
            3 or 4 => card.EarnPoints(program, random.Next(100, 20_000), "EUR", context),
            5 => card.RedeemStampReward(program, context),
            6 => card.RedeemPointsReward(program, random.Next(2) == 0 ? "tote" : "voucher", context),
            7 => card.Adjust(program, random.Next(-2, 3), random.Next(-50, 200), "correction", context),
            8 when voidable.Count > 0 => card.Void(program, voidable[random.Next(voidable.Count)].TransactionId, "mistake", context),
            _ => random.Next(3) == 0 ? card.Deactivate("paused", context) : card.Reactivate("back", context),
        };

        var next = state;
        if (result.Succeeded)
        {
            next = next with { Card = result.State, Head = new LedgerHead(state.Head.Sequence + 1, $"h{state.Head.Sequence + 1}") };
        }

        if (random.Next(6) == 0)
        {
            var expired = next.Card!.ExpirePoints(program, OperationContext.ForSystem(Guid.NewGuid(), at));
            next = next with { Card = expired.State, ExpiryReminderDue = expired.NextDueAt };
        }

        if (random.Next(15) == 0)
        {
            next = next with { ExpiryNoticeFor = random.Next(2) == 0 ? null : at };
        }

        return next.Remember($"key-{step}").State;
    }
}
