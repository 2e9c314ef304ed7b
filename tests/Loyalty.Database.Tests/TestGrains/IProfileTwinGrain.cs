namespace Loyalty.Database.Tests.TestGrains;

/// <summary>
/// Another grain class with the same state name: for one key it shares <see cref="IProfileGrain"/>'s row (stock
/// storage keys rows by state name and grain key), which makes the pair behave like two activations of one grain.
/// </summary>
public interface IProfileTwinGrain : IProfileOperations;
