using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.CodeGen.Tests.Grains;

/// <summary>Integer key; a base for <see cref="IGreeterGrain"/>.</summary>
public interface IHelloWorldGrain : IGrainWithIntegerKey
{
    Task<string> SayHelloAsync(string name);
}
