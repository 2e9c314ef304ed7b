using Loyalty.GrainInterfaces.Pairing;
using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Pairing;

/// <summary>
/// A pairing code. Redemptions queue on this one activation; the first marks the code used and commits that
/// before answering, so a second redemption (concurrent, or after a restart) sees it used.
/// </summary>
[GrainType("pairing-code")]
public sealed class PairingCodeGrain([PersistentState("pairingCode")] IPersistentState<PairingCodeState> state, TimeProvider time)
    : Grain, IPairingCodeGrain
{
    public async Task<PairingCodeIssue?> IssueAsync(Guid storeId, Guid merchantId)
    {
        if (state.State.Issued)
            return null;
        var now = time.GetUtcNow();
        state.State = new PairingCodeState { StoreId = storeId, MerchantId = merchantId, IssuedAt = now, ExpiresAt = now + PairingCodes.Lifetime };
        await state.WriteStateAsync();
        return new PairingCodeIssue(this.GetPrimaryKeyString(), state.State.ExpiresAt);
    }

    public async Task<PairingCodeRedemption> RedeemAsync()
    {
        var code = state.State;
        if (!code.Issued)
        {
            // Nothing to keep for a code nobody issued: let this activation go rather than hold memory for guesses.
            DeactivateOnIdle();
            return new PairingCodeRedemption(PairingCodeOutcome.Unknown, Guid.Empty, Guid.Empty);
        }

        if (code.RedeemedAt is not null)
            return new PairingCodeRedemption(PairingCodeOutcome.AlreadyUsed, Guid.Empty, Guid.Empty);
        var now = time.GetUtcNow();
        if (now >= code.ExpiresAt)
            return new PairingCodeRedemption(PairingCodeOutcome.Expired, Guid.Empty, Guid.Empty);

        state.State = code with { RedeemedAt = now };
        await state.WriteStateAsync();
        return new PairingCodeRedemption(PairingCodeOutcome.Redeemed, code.StoreId, code.MerchantId);
    }
}
