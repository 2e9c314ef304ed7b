using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>A grain whose state is stored as a snapshot plus the changes since (<see cref="NotebookState"/>).</summary>
public interface INotebookGrain : IGrainWithStringKey
{
    /// <summary>Adds a note (the state keeps the last five) and returns how many were ever added.</summary>
    Task<long> AddAsync(string note);

    [ReadOnly]
    Task<NotebookView> GetAsync();
}

public sealed record NotebookView(long Count, IReadOnlyList<string> Notes);
