using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>A counter whose increments carry an operation id: a retried operation is applied once.</summary>
public interface IOperationCounterGrain : IGrainWithStringKey
{
    /// <summary>Applies the operation once and returns the count after it (the same count again for a retry).</summary>
    Task<long> IncrementAsync(string operationId);

    [ReadOnly]
    Task<long> GetAsync();

    /// <summary>The name of the silo running this activation.</summary>
    [ReadOnly]
    Task<string> GetSiloAsync();
}
