namespace Loyalty.Database.Tests.TestGrains;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<string> EchoAsync(string text);
}
