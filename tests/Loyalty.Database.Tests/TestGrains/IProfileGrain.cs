namespace Loyalty.Database.Tests.TestGrains;

public interface IProfileGrain : IProfileOperations;
