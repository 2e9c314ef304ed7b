using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>A grain that writes its state while deactivating, after the test opens the "hand-off" gate.</summary>
public interface IHandOffGrain : IGrainWithStringKey
{
    /// <summary>Returns how many of its earlier activations wrote their farewell.</summary>
    Task<int> TouchAsync();
}
