using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;
using Loyalty.Runtime.Timers;

namespace Loyalty.Runtime.Activations;

/// <summary>A timer tick queued to its activation. Never forwarded: a tick dies with its activation.</summary>
internal sealed class TimerTickMessage(GrainTimer timer, GrainId target, GrainTimerCreationOptions options)
    : Message(target, options.Interleave ? InvokeMethodOptions.AlwaysInterleave : InvokeMethodOptions.None, chain: null, deadline: null, keepsAlive: options.KeepAlive)
{
    private bool _completed;

    public override string MethodName => "(timer)";

    public override bool IsCompleted => Volatile.Read(ref _completed);

    public override async Task ExecuteAsync(ActivationData activation)
    {
        RuntimeContext.Current = this;
        try
        {
            await timer.RunTickAsync();
        }
        finally
        {
            Volatile.Write(ref _completed, true);
            activation.OnMessageCompleted(this);
        }
    }

    public override void Fail(Exception exception) => Volatile.Write(ref _completed, true);
}
