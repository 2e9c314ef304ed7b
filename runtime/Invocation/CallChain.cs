using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Invocation;

/// <summary>
/// The requests a call was made from, innermost first: each link is a request some activation is running
/// and awaiting this call for. Used to detect call cycles between non-reentrant grains. A chain may cross
/// processes (see the cluster transport): message ids are unique only within the process that created them,
/// so each link also records that process's <see cref="Origin"/>.
/// </summary>
internal sealed class CallChain
{
    /// <summary>A link of a request this process created.</summary>
    public CallChain(GrainId grainId, long messageId, string method, CallChain? parent)
        : this(grainId, messageId, method, ProcessOrigin, parent)
    {
    }

    /// <summary>A link created by the process <paramref name="origin"/> (a chain that arrived over the wire).</summary>
    public CallChain(GrainId grainId, long messageId, string method, Guid origin, CallChain? parent)
    {
        GrainId = grainId;
        MessageId = messageId;
        Method = method;
        Origin = origin;
        Parent = parent;
    }

    /// <summary>Identifies this process as the creator of links; <see cref="Message.Id"/>s are unique only under it.</summary>
    public static Guid ProcessOrigin { get; } = Guid.NewGuid();

    public GrainId GrainId { get; }

    public long MessageId { get; }

    public string Method { get; }

    /// <summary>The process that created the link, whose message id <see cref="MessageId"/> is.</summary>
    public Guid Origin { get; }

    public CallChain? Parent { get; }

    /// <summary>Whether a link holds the message <paramref name="messageId"/> of this process (foreign ids never match).</summary>
    public bool Contains(long messageId)
    {
        for (var link = this; link is not null; link = link.Parent)
        {
            if (link.MessageId == messageId && link.Origin == ProcessOrigin)
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
