using Loyalty.Runtime.CodeGen.Tests.Grains;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.CodeGen.Tests;

public sealed class ProxyTests
{
    private const string CounterInterface = "Loyalty.Runtime.CodeGen.Tests.Grains.ICounterGrain";

    private readonly RecordingInvoker _invoker = new();

    [Fact]
    public void ProxyFactory_CounterGrain_CreatesGeneratedProxyWithGrainId()
    {
        var id = GrainId.Create("counter", "a");

        var proxy = GrainInterfaceRegistry.Get(typeof(ICounterGrain)).ProxyFactory(id, _invoker);

        Assert.Equal("Loyalty.Runtime.Generated.Loyalty_Runtime_CodeGen_Tests_Grains_ICounterGrain_Proxy", proxy.GetType().FullName);
        Assert.IsAssignableFrom<ICounterGrain>(proxy);
        Assert.Equal(id, proxy.GrainId);
    }

    [Fact]
    public async Task AddAsync_TwoArguments_SendsRequestAndReturnsInvokerResult()
    {
        var id = GrainId.Create("counter", "a");
        var proxy = CreateProxy<ICounterGrain>(id);
        _invoker.Result = 42;

        var result = await proxy.AddAsync(5, "bonus");

        Assert.Equal(42, result);
        var (target, request) = Assert.Single(_invoker.Calls);
        Assert.Equal(id, target);
        Assert.IsAssignableFrom<GrainRequest<int>>(request);
        Assert.Equal(CounterInterface, request.InterfaceName);
        Assert.Equal("AddAsync", request.MethodName);
        Assert.Equal("AddAsync(int,string)", request.MethodId);
        Assert.Equal(InvokeMethodOptions.None, request.Options);
        Assert.Equal(2, request.ArgumentCount);
        Assert.Equal(5, request.GetArgument(0));
        Assert.Equal("bonus", request.GetArgument(1));
    }

    [Fact]
    public async Task AddAsync_OverloadWithOneArgument_SendsItsOwnMethodId()
    {
        var proxy = CreateProxy<ICounterGrain>(GrainId.Create("counter", "a"));

        await proxy.AddAsync(7);

        var request = _invoker.SingleRequest;
        Assert.Equal("AddAsync(int)", request.MethodId);
        Assert.Equal(1, request.ArgumentCount);
        Assert.Equal(7, request.GetArgument(0));
    }

    [Fact]
    public async Task GetAsync_ReadOnlyValueTaskMethod_SendsReadOnlyOptionAndReturnsResult()
    {
        var proxy = CreateProxy<ICounterGrain>(GrainId.Create("counter", "a"));
        _invoker.Result = 9;

        var result = await proxy.GetAsync();

        Assert.Equal(9, result);
        var request = _invoker.SingleRequest;
        Assert.Equal("GetAsync()", request.MethodId);
        Assert.Equal(InvokeMethodOptions.ReadOnly, request.Options);
        Assert.Equal(0, request.ArgumentCount);
    }

    [Fact]
    public async Task ResetAsync_TaskMethod_SendsVoidRequest()
    {
        var proxy = CreateProxy<ICounterGrain>(GrainId.Create("counter", "a"));

        await proxy.ResetAsync();

        var request = _invoker.SingleRequest;
        Assert.IsAssignableFrom<GrainRequest<VoidResult>>(request);
        Assert.Equal("ResetAsync()", request.MethodId);
    }

    [Fact]
    public async Task PingAsync_AlwaysInterleaveValueTaskMethod_SendsVoidRequestWithOption()
    {
        var proxy = CreateProxy<ICounterGrain>(GrainId.Create("counter", "a"));

        await proxy.PingAsync();

        var request = _invoker.SingleRequest;
        Assert.IsAssignableFrom<GrainRequest<VoidResult>>(request);
        Assert.Equal(InvokeMethodOptions.AlwaysInterleave, request.Options);
    }

    [Fact]
    public async Task GetHistoryAsync_ReadOnlyAndAlwaysInterleave_SendsBothOptions()
    {
        var proxy = CreateProxy<IWalletGrain>(GrainId.Create("wallet-v1", Guid.Empty));
        _invoker.Result = new List<Payment>();

        await proxy.GetHistoryAsync(null);

        var request = _invoker.SingleRequest;
        Assert.Equal(InvokeMethodOptions.ReadOnly | InvokeMethodOptions.AlwaysInterleave, request.Options);
        Assert.Null(request.GetArgument(0));
    }

    [Fact]
    public async Task PayAsync_RecordAndNullString_SendsArgumentsAndReturnsNullResult()
    {
        var proxy = CreateProxy<IWalletGrain>(GrainId.Create("wallet-v1", Guid.Empty));
        var payment = new Payment("EUR", 12.5m);

        var receipt = await proxy.PayAsync(payment, null);

        Assert.Null(receipt);
        var request = _invoker.SingleRequest;
        Assert.Equal("PayAsync(Loyalty.Runtime.CodeGen.Tests.Grains.Payment,string)", request.MethodId);
        Assert.Same(payment, request.GetArgument(0));
        Assert.Null(request.GetArgument(1));
    }

    [Fact]
    public async Task SayHelloAsync_InheritedMethod_SendsRequestNamingDerivedInterface()
    {
        var proxy = CreateProxy<IGreeterGrain>(GrainId.Create("greeter", 3));
        _invoker.Result = "hi";

        var result = await proxy.SayHelloAsync("Ann");

        Assert.Equal("hi", result);
        var request = _invoker.SingleRequest;
        Assert.Equal("Loyalty.Runtime.CodeGen.Tests.Grains.IGreeterGrain", request.InterfaceName);
        Assert.Equal("SayHelloAsync(string)", request.MethodId);
        Assert.Equal("Ann", request.GetArgument(0));
    }

    [Fact]
    public async Task GetArgument_IndexPastLastArgument_ThrowsArgumentOutOfRange()
    {
        var proxy = CreateProxy<ICounterGrain>(GrainId.Create("counter", "a"));
        await proxy.AddAsync(1);

        var request = _invoker.SingleRequest;

        Assert.Throws<ArgumentOutOfRangeException>(() => request.GetArgument(1));
    }

    [Fact]
    public void Equals_TwoProxiesOfSameGrain_AreEqual()
    {
        var first = CreateProxy<ICounterGrain>(GrainId.Create("counter", "a"));
        var second = CreateProxy<ICounterGrain>(GrainId.Create("counter", "a"));

        Assert.Equal(first, second);
        Assert.NotSame(first, second);
    }

    private TGrain CreateProxy<TGrain>(GrainId id) =>
        (TGrain)(object)GrainInterfaceRegistry.Get(typeof(TGrain)).ProxyFactory(id, _invoker);
}
