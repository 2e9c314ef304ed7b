using Loyalty.Runtime.CodeGen.Tests.Grains;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.CodeGen.Tests;

/// <summary>Requests captured from proxies, then dispatched to a grain instance as the runtime would.</summary>
public sealed class RequestInvokeTests
{
    private readonly RecordingInvoker _invoker = new();

    [Fact]
    public async Task InvokeAsync_TaskOfTMethod_CallsGrainAndReturnsItsResult()
    {
        var grain = new CounterGrain();
        await Proxy<ICounterGrain>().AddAsync(4, "welcome");

        var result = await Capture<int>().InvokeAsync(grain);

        Assert.Equal(4, result);
        Assert.Equal(4, grain.Value);
        Assert.Equal("welcome", grain.LastReason);
    }

    [Fact]
    public async Task InvokeAsync_ValueTaskOfTMethod_ReturnsGrainValue()
    {
        var grain = new CounterGrain();
        await grain.AddAsync(6);
        await Proxy<ICounterGrain>().GetAsync();

        var result = await Capture<int>().InvokeAsync(grain);

        Assert.Equal(6, result);
    }

    [Fact]
    public async Task InvokeAsync_TaskMethodCompletingLater_AwaitsGrainAndReturnsVoidResult()
    {
        var grain = new CounterGrain();
        await grain.AddAsync(6);
        await Proxy<ICounterGrain>().ResetAsync();

        var result = await Capture<VoidResult>().InvokeAsync(grain);

        Assert.Equal(default, result);
        Assert.Equal(0, grain.Value);
    }

    [Fact]
    public async Task InvokeAsync_ValueTaskMethod_CallsGrain()
    {
        var grain = new CounterGrain();
        await Proxy<ICounterGrain>().PingAsync();

        await Capture<VoidResult>().InvokeAsync(grain);

        Assert.Equal(1, grain.Pings);
    }

    [Fact]
    public async Task InvokeAsync_RecordArgument_ReturnsGrainRecord()
    {
        var grain = new WalletGrain();
        var payment = new Payment("EUR", 3m);
        await Proxy<IWalletGrain>().PayAsync(payment, "coffee");

        var receipt = await Capture<Receipt?>().InvokeAsync(grain);

        Assert.Equal(new Receipt(Guid.Empty, payment, "coffee"), receipt);
    }

    [Fact]
    public async Task InvokeAsync_InheritedMethod_CallsBaseInterfaceImplementation()
    {
        await Proxy<IGreeterGrain>().SayHelloAsync("Bo");

        var result = await Capture<string>().InvokeAsync(new GreeterGrain());

        Assert.Equal("Hello, Bo", result);
    }

    [Fact]
    public async Task InvokeAsync_GrainOfOtherInterface_ThrowsInvalidCast()
    {
        await Proxy<ICounterGrain>().AddAsync(1);
        var request = Capture<int>();

        await Assert.ThrowsAsync<InvalidCastException>(async () => await request.InvokeAsync(new GreeterGrain()));
    }

    private TGrain Proxy<TGrain>() =>
        (TGrain)(object)GrainInterfaceRegistry.Get(typeof(TGrain)).ProxyFactory(GrainId.Create("test", "1"), _invoker);

    private GrainRequest<TResult> Capture<TResult>() => Assert.IsAssignableFrom<GrainRequest<TResult>>(_invoker.SingleRequest);
}
