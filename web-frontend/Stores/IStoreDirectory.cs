namespace Loyalty.Web.Stores;

/// <summary>
/// Reads stores, merchants and programs from the read models that the merchant, store and program grains write
/// (<c>stores</c>, <c>merchants</c>, <c>programs</c>). Only what authorization and pairing need.
/// </summary>
internal interface IStoreDirectory
{
    /// <summary>The store with its merchant, or null when there is no such store.</summary>
    Task<StoreInfo?> FindAsync(Guid storeId, CancellationToken cancellationToken);

    /// <summary>The merchant's programs, shared by all its stores; empty when there are none.</summary>
    Task<IReadOnlyList<ProgramSummary>> ListProgramsAsync(Guid merchantId, CancellationToken cancellationToken);
}
