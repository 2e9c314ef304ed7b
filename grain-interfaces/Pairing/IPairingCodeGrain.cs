namespace Loyalty.GrainInterfaces.Pairing;

/// <summary>
/// One pairing code (key: the code, 8 characters of <see cref="PairingCodes.Alphabet"/>). Issued for a store, valid
/// for 10 minutes, redeemable once: redemptions run one at a time on the single activation, so of two concurrent
/// redemptions exactly one succeeds.
/// </summary>
[Alias("loyalty.IPairingCodeGrain")]
public interface IPairingCodeGrain : IGrainWithStringKey
{
    /// <summary>Issues the code for a store; null when the code was already issued (the caller draws another).</summary>
    [Alias("IssueAsync")]
    Task<PairingCodeIssue?> IssueAsync(Guid storeId, Guid merchantId);

    /// <summary>Redeems the code: the store it was issued for, once; then and after expiry, the reason it is refused.</summary>
    [Alias("RedeemAsync")]
    Task<PairingCodeRedemption> RedeemAsync();
}
