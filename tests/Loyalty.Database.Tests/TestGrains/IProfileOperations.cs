namespace Loyalty.Database.Tests.TestGrains;

/// <summary>A grain with one persistent state, "profile", in the default grain storage.</summary>
public interface IProfileOperations : IGrainWithStringKey
{
    Task<ProfileSnapshot> ReadAsync();

    /// <summary>Sets the name, counts the write and writes the state.</summary>
    Task<ProfileSnapshot> WriteAsync(string name);

    Task<ProfileSnapshot> ClearAsync();
}
