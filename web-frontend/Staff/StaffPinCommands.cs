using Loyalty.GrainInterfaces.Pins;
using Orleans;

namespace Loyalty.Web.Staff;

/// <summary>
/// The staff PIN changes of the admin API and the admin pages: one set of grain commands, so both apply the same rules
/// and audit the caller's actor. The caller has already checked the input and that the store is the admin's.
/// </summary>
public sealed class StaffPinCommands(IGrainFactory grains, TimeProvider time)
{
    /// <summary>A new PIN of the store, under a new time-ordered id.</summary>
    public Task<PinDetails> CreateAsync(Guid storeId, Guid merchantId, string name, string pin, string actor)
    {
        var pinId = Guid.CreateVersion7(time.GetUtcNow());
        return grains.GetGrain<IPinGrain>(pinId).CreateAsync(new CreatePinCommand(storeId, merchantId, name, pin, actor));
    }

    /// <summary>The PIN replaced; null when there is no such PIN in the store.</summary>
    public Task<PinDetails?> ChangeAsync(Guid storeId, Guid pinId, string pin, string actor) =>
        grains.GetGrain<IPinGrain>(pinId).ChangeAsync(storeId, pin, actor);

    /// <summary>The PIN's failures and lock cleared; null when there is no such PIN in the store.</summary>
    public Task<PinDetails?> UnlockAsync(Guid storeId, Guid pinId, string actor) =>
        grains.GetGrain<IPinGrain>(pinId).UnlockAsync(storeId, actor);

    /// <summary>The PIN as its grain holds it now (lock and failed attempts), or null.</summary>
    public Task<PinDetails?> GetAsync(Guid pinId) => grains.GetGrain<IPinGrain>(pinId).GetAsync();
}
