using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Idempotency;
using Loyalty.Grains.Rules;
using Loyalty.Grains.Storage;
using Loyalty.Database;
using Npgsql;

namespace Loyalty.Grains.Cards;

/// <summary>
/// One e-mail's enrolment in one program. Its single activation serializes concurrent attempts: the first creates the
/// card, every other attempt answers with that card. Should this grain lose its state after the card was written (a
/// crash between the two writes), the card read model's unique (program, e-mail) index finds the card again.
/// </summary>
public sealed class EnrollmentGrain(
    [PersistentState("enrollment")] IPersistentState<EnrollmentState> state,
    LoyaltyDatabase database,
    IRandomSource random) : Grain, IEnrollmentGrain
{
    private const int CardNumberAttempts = 5;

    public async Task<CardOutcome> EnrollAsync(EnrollmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IdempotencyRules.ValidateKey(request.Origin.IdempotencyKey) is { } keyProblem)
        {
            return new CardOutcome(CardOutcomeStatus.Refused, Error: CardViews.Of(RuleViolation.Validation("idempotencyKey", keyProblem)));
        }

        if (state.State.Creation is { } creation && creation.Key == request.Origin.IdempotencyKey)
        {
            return IdempotencyRules.Decide(creation.Fingerprint, CardFingerprints.Of(request)) == IdempotencyDecision.Replay
                ? creation.Outcome with { Replayed = true }
                : new CardOutcome(CardOutcomeStatus.KeyReused, Error: new CardError(ErrorCodes.IdempotencyKeyReused, $"Idempotency key '{creation.Key}' was used before with a different request."));
        }

        var existing = state.State.CardNumber ?? await FindCardAsync(request);
        if (existing is not null)
        {
            var card = await GrainFactory.GetGrain<ICardGrain>(existing).GetAsync();
            if (state.State.CardNumber is null)
            {
                state.State = state.State with { CardNumber = existing };
                await state.WriteStateAsync();
            }

            return new CardOutcome(CardOutcomeStatus.Existing, card);
        }

        for (var attempt = 0; attempt < CardNumberAttempts; attempt++)
        {
            var number = CardNumbers.Generate(random);
            var outcome = await GrainFactory.GetGrain<ICardGrain>(number).CreateAsync(request);
            if (outcome.Error?.Code == CardErrorCodes.CardNumberTaken)
            {
                continue;
            }

            if (outcome.Status == CardOutcomeStatus.Applied && !outcome.Replayed)
            {
                state.State = new EnrollmentState
                {
                    CardNumber = number,
                    Creation = new IdempotencyRecord(request.Origin.IdempotencyKey, CardFingerprints.Of(request), outcome),
                };
                await state.WriteStateAsync();
            }

            return outcome;
        }

        throw new InvalidOperationException($"Could not draw a free card number in {CardNumberAttempts} attempts.");
    }

    public async Task ForgetAsync(string cardNumber)
    {
        if (state.State.CardNumber is { } known && known != cardNumber)
        {
            return;
        }

        // Clearing keeps Orleans' row (its grain id is this grain's key, which holds the e-mail) with an empty payload;
        // the row then goes too, and the activation with it, so a later enrolment starts from no row at all.
        await state.ClearStateAsync();
        await using var delete = database.DataSource.CreateCommand(
            "DELETE FROM OrleansStorage WHERE GrainIdExtensionString = $1 AND PayloadBinary IS NULL");
        delete.Parameters.Add(new NpgsqlParameter { Value = this.GetPrimaryKeyString() });
        await delete.ExecuteNonQueryAsync();
        DeactivateOnIdle();
    }

    private async Task<string?> FindCardAsync(EnrollmentRequest request)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT card_number FROM cards WHERE program_id = $1 AND lower(customer_email) = lower($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = request.ProgramId });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Customer.Email.Trim() });
        return await command.ExecuteScalarAsync() as string;
    }
}
