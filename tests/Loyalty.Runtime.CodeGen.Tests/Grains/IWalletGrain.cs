using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.CodeGen.Tests.Grains;

/// <summary>Guid key, pinned grain type name, records and nullable types.</summary>
[GrainType("wallet-v1")]
public interface IWalletGrain : IGrainWithGuidKey
{
    Task<Receipt?> PayAsync(Payment payment, string? note);

    [ReadOnly]
    [AlwaysInterleave]
    Task<IReadOnlyList<Payment>> GetHistoryAsync(int? limit);
}
