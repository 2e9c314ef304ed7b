using Loyalty.GrainInterfaces.Commands;
using Orleans.Concurrency;

namespace Loyalty.GrainInterfaces.Stores;

/// <summary>
/// A store of a merchant, keyed by its id: name, slug (unique per merchant), IANA time zone (daily caps count in
/// it) and descriptions per locale. The grain keeps the <c>stores</c> read model in step.
/// </summary>
[Alias("loyalty.IStoreGrain")]
public interface IStoreGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the store, writes its <c>stores</c> row and an audit entry with the state. Refuses with
    /// <c>validation</c>, <c>merchant-not-found</c>, or <c>conflict</c> when the slug is taken in the merchant or
    /// this store already exists.
    /// </summary>
    [Alias("CreateAsync")]
    Task<CommandResult<StoreDetails>> CreateAsync(CreateStoreCommand command);

    /// <summary>
    /// Changes the store's name, time zone and descriptions, with a <c>store.updated</c> audit entry (nothing is
    /// written when nothing changes). Refuses with <c>validation</c>, or <c>store-not-found</c> when the store does not
    /// exist or belongs to another merchant than <see cref="UpdateStoreCommand.MerchantId"/>.
    /// </summary>
    [Alias("UpdateAsync")]
    Task<CommandResult<StoreDetails>> UpdateAsync(UpdateStoreCommand command);

    /// <summary>
    /// The store with its description in <paramref name="locale"/>, falling back to the merchant's default locale,
    /// then English, then any description; null when the store was never created.
    /// </summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<StoreDetails?> GetAsync(string? locale);
}
