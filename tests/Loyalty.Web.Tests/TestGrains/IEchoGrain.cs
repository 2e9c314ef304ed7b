using Loyalty.Runtime.Core;

namespace Loyalty.Web.Tests.TestGrains;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<string> EchoAsync(string text);
}
