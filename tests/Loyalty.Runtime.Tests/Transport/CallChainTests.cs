using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.Tests.Transport;

public sealed class CallChainTests
{
    [Fact]
    public void Contains_IdOfALinkFromThisProcess_IsTrue()
    {
        var chain = new CallChain(GrainId.Create("a", "1"), 41, "Foo", new CallChain(GrainId.Create("b", "2"), 42, "Bar", null));

        Assert.True(chain.Contains(42));
        Assert.Equal(CallChain.ProcessOrigin, chain.Parent!.Origin);
    }

    [Fact]
    public void Contains_SameIdFromAnotherProcess_IsFalse()
    {
        var chain = new CallChain(GrainId.Create("a", "1"), 41, "Foo", Guid.NewGuid(), null);

        Assert.False(chain.Contains(41));
        Assert.Equal("a/1.Foo", chain.Describe());
    }
}
