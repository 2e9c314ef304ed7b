using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// What one store of one merchant owns in the hardening world: the merchant's hybrid program (with a points reward)
/// and a card in it with stamps, rewards, points and a transaction; the store's staff PIN, paired device, a spare
/// device (for revocation) and an unused pairing code; the merchant's owner token.
/// </summary>
public sealed record TenantScope(
    Guid MerchantId,
    Guid StoreId,
    Guid ProgramId,
    string RewardId,
    string CardNumber,
    Guid TransactionId,
    Guid PinId,
    string Pin,
    TestDevice Device,
    Guid SpareDeviceId,
    string OwnerToken,
    Guid SpareOwnerTokenId,
    string PairingCode)
{
    /// <summary>The outbox id of the card's enrolment e-mail (the merchant's message an admin may resend).</summary>
    public long MessageId { get; init; }

    /// <summary>The Apple Wallet authenticationToken of the card's pass.</summary>
    public string ApplePassToken { get; init; } = "";

    /// <summary>
    /// A second hybrid program of the merchant, with one reward (<see cref="SpareRewardId"/>), and a second store: what
    /// the update endpoints change, so that their fuzz cases never alter the rules the scope's card operations meet.
    /// </summary>
    public Guid SpareProgramId { get; init; }

    public string SpareRewardId { get; init; } = "";

    public Guid SpareStoreId { get; init; }
}
