using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Invocation;

/// <summary>A unit of work for one activation: a grain call, or a timer tick.</summary>
internal abstract class Message
{
    private static long s_nextId;

    protected Message(GrainId target, InvokeMethodOptions options, CallChain? chain, DateTimeOffset? deadline, bool keepsAlive)
    {
        Id = Interlocked.Increment(ref s_nextId);
        Target = target;
        Options = options;
        Chain = chain;
        Deadline = deadline;
        KeepsAlive = keepsAlive;
    }

    public long Id { get; }

    public GrainId Target { get; }

    public InvokeMethodOptions Options { get; }

    public CallChain? Chain { get; }

    public DateTimeOffset? Deadline { get; }

    /// <summary>Whether running it counts as activity for idle collection.</summary>
    public bool KeepsAlive { get; }

    /// <summary>Set by the activation while the message holds its turn (see <see cref="ActivationData"/>).</summary>
    public bool HoldsTurn { get; set; }

    /// <summary>
    /// For a call that arrived from another silo or a client: how many silos passed it on before it reached this
    /// one. Zero for a call made in this process.
    /// </summary>
    public int Hops { get; init; }

    /// <summary>Whether the call arrived over the cluster transport rather than from this process.</summary>
    public bool IsInbound { get; init; }

    /// <summary>Set when a call that could not reach its silo is routed again after a membership change.</summary>
    public bool Rerouted { get; set; }

    /// <summary>The activation executing it, once started.</summary>
    public ActivationData? Activation { get; set; }

    public abstract string MethodName { get; }

    public abstract bool IsCompleted { get; }

    /// <summary>Runs the message on its activation's scheduler; never throws.</summary>
    public abstract Task ExecuteAsync(ActivationData activation);

    /// <summary>
    /// Sends the message to the silo at <paramref name="address"/> instead of running it here; false for messages
    /// that never leave their silo (timer ticks).
    /// </summary>
    public virtual bool TrySend(string address) => false;

    /// <summary>Completes the message with an error without running it.</summary>
    public abstract void Fail(Exception exception);

    public override string ToString() => $"{Target}.{MethodName}";
}
