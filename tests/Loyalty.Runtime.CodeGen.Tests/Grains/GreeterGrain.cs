namespace Loyalty.Runtime.CodeGen.Tests.Grains;

internal sealed class GreeterGrain : IGreeterGrain
{
    public Task<string> SayHelloAsync(string name) => Task.FromResult($"Hello, {name}");

    public Task<string> SayGoodbyeAsync(string name) => Task.FromResult($"Goodbye, {name}");
}
