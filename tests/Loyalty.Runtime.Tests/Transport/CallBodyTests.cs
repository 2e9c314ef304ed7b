using System.Text;
using System.Text.Json;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Runtime.Transport;

namespace Loyalty.Runtime.Tests.Transport;

public sealed class CallBodyTests
{
    [Fact]
    public void Write_CallWithChain_ReadsBackTheSameCallAndLinks()
    {
        var foreignOrigin = Guid.NewGuid();
        var outer = new CallChain(GrainId.Create("chain", "a"), 7, "CallAlongAsync", foreignOrigin, null);
        var inner = new CallChain(GrainId.Create("echo", "b"), 12, "HoldAsync", outer);
        var request = CapturedRequest(proxy => proxy.RecordAsync("value"));
        var json = new CallBody(GrainId.Create("echo", "target"), request, inner).Write();

        var copy = CallBody.Read(json);

        Assert.Equal(
            $$"""{"grain":"echo/target","interface":"{{typeof(IEchoGrain).FullName}}","method":"RecordAsync(string)","arguments":["value"],"chain":[{"grain":"echo/b","method":"HoldAsync","origin":"{{CallChain.ProcessOrigin}}","id":12},{"grain":"chain/a","method":"CallAlongAsync","origin":"{{foreignOrigin}}","id":7}]}""",
            Encoding.UTF8.GetString(json));
        Assert.Equal(GrainId.Create("echo", "target"), copy.Target);
        Assert.Equal("value", copy.Request.GetArgument(0));
        Assert.Equal("chain/a.CallAlongAsync → echo/b.HoldAsync", copy.Chain!.Describe());
        Assert.Equal((CallChain.ProcessOrigin, 12L), (copy.Chain.Origin, copy.Chain.MessageId));
        Assert.Equal((foreignOrigin, 7L), (copy.Chain.Parent!.Origin, copy.Chain.Parent.MessageId));
    }

    [Fact]
    public void Read_PropertiesInAnyOrder_ReadsTheCall()
    {
        var json = $$"""{"arguments":["v"],"extra":{"a":[1]},"method":"RecordAsync(string)","chain":null,"interface":"{{typeof(IEchoGrain).FullName}}","grain":"echo/k"}""";

        var call = CallBody.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(("echo/k", "RecordAsync", "v"), (call.Target.ToString(), call.Request.MethodName, call.Request.GetArgument(0)));
        Assert.Null(call.Chain);
    }

    [Fact]
    public void Read_ChainLinkWithoutOrigin_IsForeign()
    {
        var json = $$"""{"grain":"echo/k","interface":"{{typeof(IEchoGrain).FullName}}","method":"RecordAsync(string)","arguments":["v"],"chain":[{"grain":"echo/a","method":"M","id":3}]}""";

        var call = CallBody.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(Guid.Empty, call.Chain!.Origin);
        Assert.False(call.Chain.Contains(3));
    }

    [Fact]
    public void Read_BadGrainId_ThrowsJsonException()
    {
        var json = $$"""{"grain":"noslash","interface":"{{typeof(IEchoGrain).FullName}}","method":"RecordAsync(string)","arguments":["v"]}""";

        var error = Assert.Throws<JsonException>(() => CallBody.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("The call body is malformed: 'noslash' is not a grain id of the form type/key.", error.Message);
    }

    private static GrainRequest CapturedRequest(Func<IEchoGrain, Task> call)
    {
        var invoker = new CapturingInvoker();
        call((IEchoGrain)GrainInterfaceRegistry.Get(typeof(IEchoGrain)).ProxyFactory(GrainId.Create("echo", "target"), invoker));
        return invoker.Request!;
    }

    private sealed class CapturingInvoker : IGrainCallInvoker
    {
        public GrainRequest? Request { get; private set; }

        public Task<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request)
        {
            Request = request;
            return Task.FromResult(default(TResult)!);
        }
    }
}
