using Orleans.Concurrency;

namespace Loyalty.GrainInterfaces.Pins;

/// <summary>
/// One staff PIN (key: the PIN id). It owns the PIN's bcrypt hash and its failed-attempt counter and lock: every
/// verification and every offline failure report for the PIN runs on this single activation, one at a time, so
/// parallel guesses cannot get past the lockout. The lockout policy is the merchant's
/// (<see cref="Merchants.IMerchantGrain.GetPinLockoutAsync"/>), read when the PIN is created, when it activates, and
/// again before a check once the copy it holds is a minute old.
/// </summary>
[Alias("loyalty.IPinGrain")]
public interface IPinGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the PIN: hashes <see cref="CreatePinCommand.Pin"/> with bcrypt (<c>$2b$</c>, cost 10, random salt), takes
    /// the merchant's lockout policy, and writes the state with its <c>staff_pins</c> row and a <c>pin.created</c> audit
    /// entry. Creating an existing PIN again changes nothing and returns it.
    /// </summary>
    [Alias("CreateAsync")]
    Task<PinDetails> CreateAsync(CreatePinCommand command);

    /// <summary>
    /// Replaces the PIN with <paramref name="pin"/> (4 to 8 digits), for instance after a device of the store was
    /// stolen: a new bcrypt hash (so every offline verifier handed out before stops matching), failures and lock
    /// cleared, a <c>pin.changed</c> audit entry by <paramref name="actor"/>. Null when the PIN does not exist or
    /// belongs to another store than <paramref name="storeId"/>.
    /// </summary>
    [Alias("ChangeAsync")]
    Task<PinDetails?> ChangeAsync(Guid storeId, string pin, string actor);

    /// <summary>
    /// Unlocks the PIN: its failed attempts and lock are cleared, as a right PIN would clear them, with a
    /// <c>pin.unlocked</c> audit entry by <paramref name="actor"/>. A PIN without failures or lock is left as it is
    /// (nothing written, nothing audited). Null when the PIN does not exist or belongs to another store than
    /// <paramref name="storeId"/>.
    /// </summary>
    [Alias("UnlockAsync")]
    Task<PinDetails?> UnlockAsync(Guid storeId, string actor);

    /// <summary>The PIN as terminals see it for offline verification, or null when it does not exist.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<PinDetails?> GetAsync();

    /// <summary>
    /// Checks <paramref name="pin"/> for a terminal of <paramref name="storeId"/>: a PIN of another store is
    /// <see cref="PinVerificationOutcome.Forbidden"/>; a locked PIN is refused without checking; a wrong PIN counts
    /// as a failure toward the lockout; a right one resets the count.
    /// </summary>
    [Alias("VerifyAsync")]
    Task<PinVerification> VerifyAsync(Guid storeId, string pin);

    /// <summary>
    /// Counts <paramref name="count"/> (1 to 100) failures that a terminal of <paramref name="storeId"/> saw
    /// offline, the last at <paramref name="lastAttemptAt"/>, toward the same lockout as online failures.
    /// </summary>
    [Alias("RecordOfflineFailuresAsync")]
    Task<PinVerification> RecordOfflineFailuresAsync(Guid storeId, int count, DateTimeOffset lastAttemptAt);
}
