using Loyalty.Runtime.CodeGen.Tests.Grains;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.CodeGen.Tests;

public sealed class GrainInterfaceRegistryTests
{
    [Theory]
    [InlineData(typeof(ICounterGrain), "counter")]
    [InlineData(typeof(IWalletGrain), "wallet-v1")]
    [InlineData(typeof(IHelloWorldGrain), "helloworld")]
    [InlineData(typeof(IGreeterGrain), "greeter")]
    public void Get_GeneratedInterface_ReturnsExpectedGrainType(Type interfaceType, string expectedGrainType)
    {
        var info = GrainInterfaceRegistry.Get(interfaceType);

        Assert.Equal(interfaceType, info.InterfaceType);
        Assert.Equal(expectedGrainType, info.GrainType);
    }

    [Fact]
    public void Get_CounterGrain_HasOneReaderPerMethodId()
    {
        var info = GrainInterfaceRegistry.Get(typeof(ICounterGrain));

        Assert.Equal(
            ["AddAsync(int)", "AddAsync(int,string)", "GetAsync()", "PingAsync()", "ResetAsync()"],
            info.Methods.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Get_DerivedInterface_IncludesInheritedMethods()
    {
        var info = GrainInterfaceRegistry.Get(typeof(IGreeterGrain));

        Assert.Equal(["SayGoodbyeAsync(string)", "SayHelloAsync(string)"], info.Methods.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Get_RecordArgument_MethodIdUsesNamespaceQualifiedTypes()
    {
        var info = GrainInterfaceRegistry.Get(typeof(IWalletGrain));

        Assert.Equal(
            ["GetHistoryAsync(int?)", "PayAsync(Loyalty.Runtime.CodeGen.Tests.Grains.Payment,string)"],
            info.Methods.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryGet_InterfaceFullName_FindsRegisteredInterface()
    {
        GrainInterfaceRegistry.EnsureRegistered(typeof(IWalletGrain).Assembly);

        var found = GrainInterfaceRegistry.TryGet("Loyalty.Runtime.CodeGen.Tests.Grains.IWalletGrain", out var info);

        Assert.True(found);
        Assert.Equal(typeof(IWalletGrain), info.InterfaceType);
    }

    [Fact]
    public void Get_InterfaceWithoutGeneratedCode_ThrowsInvalidOperation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GrainInterfaceRegistry.Get(typeof(IDisposable)));

        Assert.StartsWith("System.IDisposable is not a generated grain interface.", error.Message, StringComparison.Ordinal);
    }
}
