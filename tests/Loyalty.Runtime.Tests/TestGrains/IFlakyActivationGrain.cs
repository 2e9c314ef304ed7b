using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>Its first activation fails in OnActivateAsync; later ones succeed.</summary>
public interface IFlakyActivationGrain : IGrainWithGuidKey
{
    Task<int> GetActivationAttemptAsync();
}
