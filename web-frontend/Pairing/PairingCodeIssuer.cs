using Loyalty.GrainInterfaces.Pairing;
using Orleans;

namespace Loyalty.Web.Pairing;

/// <summary>Issues a store's pairing codes, for the admin API and the admin devices page alike.</summary>
public sealed class PairingCodeIssuer(IGrainFactory grains)
{
    // 40-bit codes collide about never; a few draws make even that case invisible to the caller.
    private const int MaxDraws = 5;

    /// <summary>A fresh single-use code for the store, valid 10 minutes. The caller has checked the store is the admin's.</summary>
    public async Task<PairingCodeIssue> IssueAsync(Guid storeId, Guid merchantId)
    {
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            if (await grains.GetGrain<IPairingCodeGrain>(PairingCodes.Generate()).IssueAsync(storeId, merchantId) is { } issued)
                return issued;
        }

        throw new InvalidOperationException($"No free pairing code after {MaxDraws} draws.");
    }
}
