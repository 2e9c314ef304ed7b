using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Cards;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardErasureTests(CardSilo silo) : IClassFixture<CardSilo>
{
    [Fact]
    public async Task EraseCustomerAsync_RemovesThePersonalDataEverywhereAndKeepsTheLedgerAmounts()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 50);
        var email = $"{Guid.NewGuid():N}@example.com";
        var card = await silo.EnrollAsync(merchantId, program, email);
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);
        await grain.ApplyAsync(TestCatalog.Stamp(merchantId, $"{card.CardNumber}-stamp"));

        var outcome = await grain.EraseCustomerAsync(new CustomerErasure(merchantId, "customer"));

        Assert.Equal((CardOutcomeStatus.Applied, false), (outcome.Status, outcome.Replayed));
        Assert.Equal(new CustomerProfile("", "", null, null, "fr"), outcome.Card!.Customer);
        Assert.Equal((CardStatus.Inactive, 1, 50L), (outcome.Card.Status, outcome.Card.Stamps, outcome.Card.Points));
        Assert.Equal(1, await silo.ScalarAsync(
            "SELECT count(*) FROM cards WHERE card_number = $1 AND customer_name IS NULL AND customer_email IS NULL AND customer_phone IS NULL AND customer_birthday IS NULL AND status = 'inactive' AND stamps = 1 AND points = 50",
            card.CardNumber));
        Assert.Equal(0, await silo.ScalarAsync("SELECT count(*) FROM cards WHERE card_number = $1 AND (state::text ILIKE '%' || $2 || '%' OR state::text LIKE '%Ana Lima%' OR state::text LIKE '%621%')", card.CardNumber, email));
        Assert.Equal(
            [("enrollment", 0L, 0), ("welcomeBonus", 50L, 0), ("stamp", 0L, 1), ("statusChange", 0L, 0)],
            await silo.QueryAsync("SELECT kind, points_delta, stamps_delta FROM ledger_entries WHERE card_number = $1 ORDER BY sequence",
                r => (r.GetString(0), r.GetInt64(1), r.GetInt32(2)), card.CardNumber));
        Assert.Equal(CardState.ErasureReason, (await silo.QueryAsync(
            "SELECT reason FROM ledger_entries WHERE card_number = $1 ORDER BY sequence DESC LIMIT 1", r => r.GetString(0), card.CardNumber)).Single());
        Assert.Equal(0, await silo.ScalarAsync("SELECT count(*) FROM outbox WHERE card_number = $1 AND processed_at IS NULL", card.CardNumber));
        Assert.Equal(0, await silo.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE card_number = $1 AND outcome ILIKE '%' || $2 || '%'", card.CardNumber, email));
        Assert.Equal(0, await silo.ScalarAsync(
            "SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString ILIKE '%' || $1 || '%' OR encode(PayloadBinary, 'escape') ILIKE '%' || $1 || '%'", email));
        Assert.Equal(1, await silo.ScalarAsync(
            "SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'card.customer-erased' AND actor = 'customer' AND merchant_id = $2", card.CardNumber, merchantId));
        Assert.True((await grain.VerifyLedgerAsync()).IsValid);
    }

    [Fact]
    public async Task EraseCustomerAsync_Twice_AnswersTheErasedCardAgainAndWritesNothingMore()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 0);
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");
        var grain = silo.Grains.GetGrain<ICardGrain>(card.CardNumber);
        await grain.EraseCustomerAsync(new CustomerErasure(merchantId, "customer"));

        var again = await grain.EraseCustomerAsync(new CustomerErasure(merchantId, "admin-token-1"));

        Assert.Equal((CardOutcomeStatus.Applied, true, ""), (again.Status, again.Replayed, again.Card!.Customer.Email));
        Assert.Equal(2, await silo.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card.CardNumber));
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM audit_log WHERE subject_id = $1", card.CardNumber));
    }

    [Fact]
    public async Task EnrollAsync_SameEmailAfterErasure_CreatesANewCardAndRefusesTheOldOne()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 0);
        var email = $"{Guid.NewGuid():N}@example.com";
        var card = await silo.EnrollAsync(merchantId, program, email);
        await silo.Grains.GetGrain<ICardGrain>(card.CardNumber).EraseCustomerAsync(new CustomerErasure(merchantId, "customer"));

        var again = await silo.EnrollAsync(merchantId, program, email.ToUpperInvariant());
        var stamp = await silo.Grains.GetGrain<ICardGrain>(card.CardNumber).ApplyAsync(TestCatalog.Stamp(merchantId, $"{card.CardNumber}-after"));

        Assert.NotEqual(card.CardNumber, again.CardNumber);
        Assert.Equal(email.ToUpperInvariant(), again.Customer.Email);
        Assert.Equal("card-inactive", stamp.Error?.Code);
        Assert.Equal(2, await silo.ScalarAsync("SELECT count(*) FROM cards WHERE program_id = $1", Guid.Parse(program.Id)));
    }

    [Fact]
    public async Task EraseCustomerAsync_AnotherMerchant_IsRefusedAndChangesNothing()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 0);
        var email = $"{Guid.NewGuid():N}@example.com";
        var card = await silo.EnrollAsync(merchantId, program, email);

        var outcome = await silo.Grains.GetGrain<ICardGrain>(card.CardNumber).EraseCustomerAsync(new CustomerErasure(Guid.NewGuid(), "customer"));

        Assert.Equal((CardOutcomeStatus.Refused, "forbidden"), (outcome.Status, outcome.Error?.Code));
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM cards WHERE card_number = $1 AND customer_email = $2 AND status = 'active'", card.CardNumber, email));
        Assert.Equal(1, await silo.ScalarAsync("SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString ILIKE '%' || $1 || '%'", email));
    }

    [Fact]
    public async Task EraseCustomerAsync_PendingPortalSignInMessage_IsDeletedWithThePendingNotices()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 50);
        var email = $"{Guid.NewGuid():N}@example.com";
        var card = await silo.EnrollAsync(merchantId, program, email);
        await silo.ScalarAsync("UPDATE outbox SET processed_at = now() WHERE card_number = $1 AND topic = 'welcome-bonus'", card.CardNumber);
        await silo.ScalarAsync(
            "INSERT INTO outbox (topic, merchant_id, card_number, payload, created_at, processed_at) VALUES ('portal-sign-in', $1, $2, jsonb_build_object('email', $3::text), now(), now())",
            merchantId, card.CardNumber, email);

        await silo.Grains.GetGrain<ICardGrain>(card.CardNumber).EraseCustomerAsync(new CustomerErasure(merchantId, "customer"));

        Assert.Equal(["welcome-bonus"], await silo.QueryAsync("SELECT topic FROM outbox WHERE card_number = $1", r => r.GetString(0), card.CardNumber));
    }

    [Fact]
    public async Task GetPointsExpiriesAsync_AfterEarningPolicy_ListsTheWelcomeBonusWithItsDate()
    {
        var (merchantId, program) = await silo.CreateProgramAsync(welcomeBonus: 50, expiry: PointExpiryPolicy.AfterEarning(90));
        var enrolledAt = silo.Time.GetUtcNow();
        var card = await silo.EnrollAsync(merchantId, program, $"{Guid.NewGuid():N}@example.com");

        var expiries = await silo.Grains.GetGrain<ICardGrain>(card.CardNumber).GetPointsExpiriesAsync();

        Assert.Equal([new PointsExpiry(50, enrolledAt.AddDays(90))], expiries);
    }
}
