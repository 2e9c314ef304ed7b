using Orleans;

namespace Loyalty.Web.Tests.TestGrains;

public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<string> EchoAsync(string text) => Task.FromResult(text);
}
