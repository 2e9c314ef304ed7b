using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>A grain whose state is stored as changes but is mutable: the runtime must refuse to activate it.</summary>
public interface IMutableNotebookGrain : IGrainWithStringKey
{
    Task AddAsync(string note);
}
