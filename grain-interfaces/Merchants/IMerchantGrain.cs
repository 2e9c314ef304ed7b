using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Pins;
using Orleans.Concurrency;

namespace Loyalty.GrainInterfaces.Merchants;

/// <summary>
/// A merchant (a tenant: a business with stores, programs and cards), keyed by its id. The grain owns the
/// merchant's name, slug and default locale, and keeps the <c>merchants</c> read model in step with them.
/// </summary>
[Alias("loyalty.IMerchantGrain")]
public interface IMerchantGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the merchant, writes its <c>merchants</c> row and an audit entry with the state. Refuses with
    /// <c>validation</c> (field errors), or <c>conflict</c> when the slug is taken or this merchant already exists.
    /// </summary>
    [Alias("CreateAsync")]
    Task<CommandResult<MerchantDetails>> CreateAsync(CreateMerchantCommand command);

    /// <summary>The merchant, or null when it was never created.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<MerchantDetails?> GetAsync();

    /// <summary>
    /// Sets the merchant's staff PIN lockout, with a <c>merchant.pin-lockout-changed</c> audit entry. Refuses with
    /// <c>validation</c> or <c>merchant-not-found</c>. PIN grains pick the new policy up within a minute.
    /// </summary>
    [Alias("SetPinLockoutAsync")]
    Task<CommandResult<PinLockoutSettings>> SetPinLockoutAsync(SetPinLockoutCommand command);

    /// <summary>The merchant's PIN lockout; the default (5 failures, 15 minutes) when none was set or the merchant does not exist.</summary>
    [ReadOnly]
    [Alias("GetPinLockoutAsync")]
    Task<PinLockoutSettings> GetPinLockoutAsync();
}
