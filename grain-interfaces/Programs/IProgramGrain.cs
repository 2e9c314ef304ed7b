using Loyalty.Runtime.Core;

namespace Loyalty.GrainInterfaces.Programs;

public interface IProgramGrain : IGrainWithGuidKey
{
    [ReadOnly]
    Task<ProgramDefinition?> GetAsync();
}
