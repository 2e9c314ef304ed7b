using Orleans;

namespace Loyalty.Web.Tests.TestGrains;

[Alias("tests.IEchoGrain")]
public interface IEchoGrain : IGrainWithStringKey
{
    [Alias("EchoAsync")]
    Task<string> EchoAsync(string text);
}
