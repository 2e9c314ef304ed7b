using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>A coalescing grain whose state cannot be serialized once it is broken: what a bug in a state type does.</summary>
public interface IUnserializableStateGrain : IGrainWithStringKey
{
    /// <summary>Breaks the state and writes it.</summary>
    Task BreakAndWriteAsync();
}
