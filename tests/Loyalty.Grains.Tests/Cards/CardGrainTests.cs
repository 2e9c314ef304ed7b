using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Cards;
using Loyalty.Testing;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardGrainTests(CardSilo silo) : IClassFixture<CardSilo>
{
    [Fact]
    public async Task EnrollAsync_TwentyConcurrentAttempts_CreateExactlyOneCard()
    {
        var (merchantId, program) = await silo.CreateProgramAsync();
        var programId = Guid.Parse(program.Id);
        var customer = new CustomerProfile("Ana Lima", "Ana@Example.com", null, null, "en");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            silo.Grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, i % 2 == 0 ? "ana@example.com" : "ANA@example.com"))
                .EnrollAsync(new EnrollmentRequest(programId, customer, CardSilo.Origin(merchantId, $"enrol-{i}")))));

        Assert.Single(outcomes, o => o.Status == CardOutcomeStatus.Applied);
        Assert.Equal(19, outcomes.Count(o => o.Status == CardOutcomeStatus.Existing));
        Assert.Single(outcomes.Select(o => o.Card!.CardNumber).Distinct());
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM cards WHERE program_id = $1", programId));
    }

    [Fact]
    public async Task CreateAsync_WelcomeBonus_CreditsPointsWithTwoLedgerEntriesAndOutbox()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 50);

        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");

        Assert.Equal(50, card.Points);
        Assert.Equal(2, await silo.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'enrollment'", card.CardNumber));
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'welcome-bonus'", card.CardNumber));
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM cards WHERE card_number = $1 AND customer_phone = '+352 621 000 000' AND customer_birthday = '1990-05-17'", card.CardNumber));
    }

    [Fact]
    public async Task ApplyAsync_Stamps_WriteOneLedgerEntryAndOneKeyEachAndAnOutboxMessageOnlyForTheReward()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 0);
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);

        var first = await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, CardSilo.Origin(merchantId, $"{card.CardNumber}-1"), Count: 6));
        var second = await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, CardSilo.Origin(merchantId, $"{card.CardNumber}-2"), Count: 6));

        Assert.Equal((CardOutcomeStatus.Applied, 6, 0), (first.Status, first.Balance!.Stamps, first.Balance.RewardsAvailable));
        Assert.Equal((CardOutcomeStatus.Applied, 2, 1), (second.Status, second.Balance!.Stamps, second.Balance.RewardsAvailable));
        Assert.Equal(3, await silo.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
        Assert.Equal(3, await silo.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE card_number = $1", card.CardNumber));
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'reward-ready'", card.CardNumber));
        Assert.Equal(2, await silo.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1", card.CardNumber));
    }

    [Fact]
    public async Task ApplyAsync_Stamps_WriteTheStateIntoTheCardsRowAndTheNextClusterReloadsIt()
    {
        var own = new CardSilo();
        await own.InitializeAsync();
        var (merchantId, program) = await own.CreateProgramAsync(welcomeBonus: 0);
        var card = await own.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = own.Grains.GetGrain<ICardGrain>(card.CardNumber);
        await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, CardSilo.Origin(merchantId, $"{card.CardNumber}-1"), Count: 3));
        await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, CardSilo.Origin(merchantId, $"{card.CardNumber}-2"), Count: 2));
        await own.DisposeAsync();

        var next = CardSilo.After(own);
        await next.InitializeAsync();
        try
        {
            var reloaded = await next.Grains.GetGrain<ICardGrain>(card.CardNumber).GetAsync();

            Assert.Equal(5, reloaded!.Stamps);
            Assert.Equal(5, await own.ScalarAsync("SELECT stamps FROM cards WHERE card_number = $1", card.CardNumber));
            Assert.Equal(3, await own.ScalarAsync("SELECT version FROM cards WHERE card_number = $1", card.CardNumber));

            // One readable record in the card's row, which the next activation reloads; nothing in Orleans' grain storage.
            Assert.Equal(5, await own.ScalarAsync("SELECT (state->'card'->>'stamps')::int FROM cards WHERE card_number = $1", card.CardNumber));
            Assert.Equal(0, await own.ScalarAsync("SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = $1", card.CardNumber));
        }
        finally
        {
            await next.DisposeAsync();
        }
    }

    [Fact]
    public async Task ApplyAsync_SameKeySameRequest_ReplaysAndSameKeyOtherRequestIsRefused()
    {
        var (merchantId, program) = await silo.CreateProgramAsync();
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);
        var origin = CardSilo.Origin(merchantId, "stamp-1");

        var first = await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, origin, Count: 3));
        var version = await silo.ScalarAsync("SELECT version FROM cards WHERE card_number = $1", card.CardNumber);
        var replay = await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, origin, Count: 3));
        var reused = await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, origin, Count: 4));

        // Answering a retry reads the stored first answer and writes nothing: the card's row keeps its version.
        Assert.Equal(version, await silo.ScalarAsync("SELECT version FROM cards WHERE card_number = $1", card.CardNumber));
        Assert.Equal(CardOutcomeStatus.Applied, first.Status);
        Assert.Equal(first with { Replayed = true }, replay);
        Assert.Equal(CardOutcomeStatus.KeyReused, reused.Status);
        Assert.Equal("idempotency-key-reused", reused.Error!.Code);
        Assert.Equal(3, (await grain.GetAsync())!.Stamps);

        // An applied operation's record points at its ledger entry instead of repeating the answer.
        Assert.Equal(1, await silo.ScalarAsync(
            "SELECT count(*) FROM idempotency_keys i JOIN ledger_entries l ON l.card_number = i.card_number AND l.sequence = i.ledger_sequence " +
            "WHERE i.merchant_id = $1 AND i.idempotency_key = 'stamp-1' AND i.card_number = $2 AND i.outcome IS NULL " +
            "AND l.transaction_id = $3 AND l.stamps_after = 3",
            merchantId, card.CardNumber, first.TransactionId!.Value));
    }

    [Fact]
    public async Task ApplyAsync_PointsAndRedemptionReplayedFromTheLedger_AnswerTheSame()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 0);
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);
        var earn = new CardCommand(CardCommandKind.Points, CardSilo.Origin(merchantId, "earn-1"), PurchaseAmountMinor: 12_345, Currency: "EUR");
        var redeem = new CardCommand(CardCommandKind.PointRedemption, CardSilo.Origin(merchantId, "redeem-1"), RewardId: program.Rewards[0].Id);
        var earned = await grain.ApplyAsync(earn);
        var redeemed = await grain.ApplyAsync(redeem);

        // A replay is answered from the stored record (the card remembers only the keys).
        var earnReplay = await grain.ApplyAsync(earn);
        var redeemReplay = await grain.ApplyAsync(redeem);

        Assert.Equal((CardOutcomeStatus.Applied, 1_234L, 734L), (earned.Status, earned.PointsEarned!.Value, redeemed.Balance!.Points));
        Assert.Equal(CardOutcomeStatus.Applied, redeemed.Status);
        Assert.Equal(earned with { Replayed = true }, earnReplay);
        Assert.Equal(redeemed with { Replayed = true }, redeemReplay);
        Assert.Null(redeemReplay.PointsEarned);
        Assert.Equal(2, await silo.ScalarAsync(
            "SELECT count(*) FROM idempotency_keys WHERE card_number = $1 AND idempotency_key IN ('earn-1', 'redeem-1') AND outcome IS NULL AND ledger_sequence IS NOT NULL",
            card.CardNumber));
    }

    [Fact]
    public async Task ApplyAsync_RefusalReplayed_AnswersTheStoredRefusal()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 0);
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);
        var redeem = new CardCommand(CardCommandKind.StampRedemption, CardSilo.Origin(merchantId, "too-early"));
        var refused = await grain.ApplyAsync(redeem);
        var replay = await grain.ApplyAsync(redeem);

        Assert.Equal("insufficient-stamps", refused.Error!.Code);
        Assert.Equal(refused with { Replayed = true }, replay);
        Assert.Equal(1, await silo.ScalarAsync(
            "SELECT count(*) FROM idempotency_keys WHERE card_number = $1 AND idempotency_key = 'too-early' AND ledger_sequence IS NULL " +
            "AND outcome::jsonb->'error'->>'code' = 'insufficient-stamps'",
            card.CardNumber));
    }

    [Fact]
    public async Task ApplyAsync_FirstAnswerStoredInAnEarlierForm_ReplaysItsBalances()
    {
        var (merchantId, program) = await silo.CreateProgramAsync();
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);
        var origin = CardSilo.Origin(merchantId, "stamp-earlier");
        var first = await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, origin, Count: 2));

        // Records stored before answers were rebuilt from the ledger held the whole card as JSON; the earliest of them also
        // its number, its merchant and "replayed": false.
        Assert.Equal(1, await silo.ScalarAsync(
            "WITH u AS (UPDATE idempotency_keys SET ledger_sequence = NULL, outcome = jsonb_build_object('status', 'applied', " +
            "'card', jsonb_build_object('cardNumber', card_number, 'merchantId', merchant_id, 'programId', $3::uuid, " +
            "'customer', jsonb_build_object('name', 'Ana', 'email', 'ana@example.com', 'locale', 'en'), 'stamps', 2, 'points', 50, " +
            "'rewardsAvailable', 0, 'tier', 'bronze', 'status', 'active', 'enrolledAt', '2026-01-02T03:04:05+00:00'), " +
            "'transactionId', $2::uuid, 'replayed', false)::text " +
            "WHERE merchant_id = $1 AND idempotency_key = 'stamp-earlier' RETURNING 1) SELECT count(*) FROM u",
            merchantId, first.TransactionId!.Value, Guid.Parse(program.Id)));
        var replay = await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, origin, Count: 2));

        Assert.Equal(new CardBalance(2, 50, 0), first.Balance);
        Assert.Equal((true, first.Balance, first.TransactionId), (replay.Replayed, replay.Balance, replay.TransactionId));
        Assert.Equal(card.CardNumber, replay.Card!.CardNumber);
        Assert.Equal(merchantId, replay.Card.MerchantId);
    }

    [Fact]
    public async Task ApplyAsync_KeyUsedOnAnotherCardOfTheMerchant_IsRefusedWithoutChange()
    {
        var (merchantId, program) = await silo.CreateProgramAsync();
        var one = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var two = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var origin = CardSilo.Origin(merchantId, "shared-key");
        await silo.Grains.GetGrain<ICardGrain>(one.CardNumber).ApplyAsync(new CardCommand(CardCommandKind.Stamp, origin, Count: 1));

        var outcome = await silo.Grains.GetGrain<ICardGrain>(two.CardNumber).ApplyAsync(new CardCommand(CardCommandKind.Stamp, origin, Count: 1));

        Assert.Equal(CardOutcomeStatus.KeyReused, outcome.Status);
        Assert.Equal(0, (await silo.Grains.GetGrain<ICardGrain>(two.CardNumber).GetAsync())!.Stamps);
        Assert.Equal(2, await silo.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1", two.CardNumber)); // enrolment and welcome bonus only
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentStampsWithReplays_CountExactlyTheDistinctKeys()
    {
        var (merchantId, program) = await silo.CreateProgramAsync();
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);

        // 200 operations over 160 distinct keys: every fifth repeats an earlier key with the same request.
        var keys = Enumerable.Range(0, 200).Select(i => i % 5 == 4 ? $"k{i - 1}" : $"k{i}").ToList();
        var outcomes = await Task.WhenAll(keys.Select(key => grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, CardSilo.Origin(merchantId, key) with { PinId = Guid.Empty }, Count: 1))));

        Assert.All(outcomes, o => Assert.Equal(CardOutcomeStatus.Applied, o.Status));
        var distinct = keys.Distinct().Count();
        var after = await grain.GetAsync();
        Assert.Equal(distinct, (after!.RewardsAvailable * 10) + after.Stamps);
        Assert.Equal(distinct + 2, await silo.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
    }

    [Fact]
    public async Task ApplyAsync_DuringCooldown_RefusesAndChangesNothing()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(cooldownSeconds: 60);
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);
        await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, CardSilo.Origin(merchantId, "a"), Count: 1));

        var refused = await grain.ApplyAsync(new CardCommand(CardCommandKind.Stamp, CardSilo.Origin(merchantId, "b"), Count: 1));

        Assert.Equal(CardOutcomeStatus.Refused, refused.Status);
        Assert.Equal("cooldown-active", refused.Error!.Code);
        Assert.Equal(1, (await grain.GetAsync())!.Stamps);
        Assert.Equal(3, await silo.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
    }

    [Fact]
    public async Task VerifyLedgerAsync_RowEditedInTheDatabase_FailsAtThatEntry()
    {
        var (merchantId, program) = await silo.CreateProgramAsync();
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);
        await grain.ApplyAsync(new CardCommand(CardCommandKind.Points, CardSilo.Origin(merchantId, "p1"), PurchaseAmountMinor: 1299, Currency: "EUR"));
        Assert.True((await grain.VerifyLedgerAsync()).IsValid);

        await silo.ScalarAsync("WITH u AS (UPDATE ledger_entries SET points_delta = 999 WHERE card_number = $1 AND sequence = 3 RETURNING 1) SELECT count(*) FROM u", card.CardNumber);
        var verification = await grain.VerifyLedgerAsync();

        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.FirstBadSequence);
    }

    [Fact]
    public async Task ReceiveReminderAsync_PointsOlderThanPolicy_ExpireOldestFirstWithLedgerEntry()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(expiry: PointExpiryPolicy.AfterEarning(30), welcomeBonus: 0);
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);
        using var reminder = new ReminderWatch(grain.GetGrainId(), CardGrain.ExpiryReminder);
        await grain.ApplyAsync(new CardCommand(CardCommandKind.Points, CardSilo.Origin(merchantId, "old"), PurchaseAmountMinor: 1000, Currency: "EUR"));
        await ReminderSteps.AdvanceToNextTickAsync(silo, reminder, TimeSpan.FromDays(20));
        await Loyalty.Testing.Eventually.TrueAsync(
            async () => await silo.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'points-expiring'", card.CardNumber) == 1,
            "the expiry notice went out");
        await grain.ApplyAsync(new CardCommand(CardCommandKind.Points, CardSilo.Origin(merchantId, "new"), PurchaseAmountMinor: 500, Currency: "EUR"));

        // The first lot (100 points) reaches 30 days; the reminder registered for it wakes the card.
        await ReminderSteps.AdvanceToNextTickAsync(silo, reminder, TimeSpan.FromDays(10));
        await Loyalty.Testing.Eventually.TrueAsync(async () => (await grain.GetAsync())!.Points == 50, "the oldest points expired");

        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'expiry' AND points_delta = -100", card.CardNumber));
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'points-expired'", card.CardNumber));

        // Fourteen days before, the customer was told once how many points would expire and when.
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND topic = 'points-expiring' AND (payload->>'points')::bigint = 100", card.CardNumber));
    }
}
