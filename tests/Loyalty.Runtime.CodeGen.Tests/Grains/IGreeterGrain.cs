namespace Loyalty.Runtime.CodeGen.Tests.Grains;

/// <summary>Extends another grain interface: its proxy carries the inherited method too.</summary>
internal interface IGreeterGrain : IHelloWorldGrain
{
    Task<string> SayGoodbyeAsync(string name);
}
