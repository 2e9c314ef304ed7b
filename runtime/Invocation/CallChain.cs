using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Invocation;

/// <summary>
/// The requests a call was made from, innermost first: each link is a request some activation is running
/// and awaiting this call for. Used to detect call cycles between non-reentrant grains.
/// </summary>
internal sealed class CallChain(GrainId grainId, long messageId, string method, CallChain? parent)
{
    public GrainId GrainId { get; } = grainId;

    public long MessageId { get; } = messageId;

    public string Method { get; } = method;

    public CallChain? Parent { get; } = parent;

    public bool Contains(long messageId)
    {
        for (var link = this; link is not null; link = link.Parent)
        {
            if (link.MessageId == messageId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Prints the chain outermost first: <c>a/1.Foo → b/2.Bar</c>.</summary>
    public string Describe()
    {
        var links = new List<string>();
        for (var link = this; link is not null; link = link.Parent)
        {
            links.Add($"{link.GrainId}.{link.Method}");
        }

        links.Reverse();
        return string.Join(" → ", links);
    }
}
