using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Transport;

namespace Loyalty.Runtime.Invocation;

/// <summary>A grain call: its request, and the completion its caller awaits.</summary>
internal sealed class RequestMessage<TResult> : Message, ITrackedCall
{
    // Continuations run asynchronously so a caller's code never runs on the callee's turn.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrainRuntime _runtime;
    private readonly long _startTimestamp;

    public RequestMessage(GrainRuntime runtime, GrainId target, GrainRequest<TResult> request, CallChain? chain, DateTimeOffset deadline)
        : base(target, request.Options, chain, deadline, keepsAlive: true)
    {
        _runtime = runtime;
        Request = request;
        _startTimestamp = runtime.TimeProvider.GetTimestamp();
    }

    public GrainRequest<TResult> Request { get; }

    public Task<TResult> Task => _completion.Task;

    public override string MethodName => Request.MethodName;

    public override bool IsCompleted => _completion.Task.IsCompleted;

    DateTimeOffset ITrackedCall.Deadline => Deadline!.Value;

    public override async Task ExecuteAsync(ActivationData activation)
    {
        RuntimeContext.Current = this;
        try
        {
            var result = await Request.InvokeAsync(activation.Instance);
            Complete();
            _completion.TrySetResult(result);
        }
        catch (Exception exception)
        {
            activation.OnRequestFailed(this, exception);
            Complete();
            _completion.TrySetException(exception);
        }
        finally
        {
            activation.OnMessageCompleted(this);
        }
    }

    public override bool TrySend(string address)
    {
        _ = SendAsync(address);
        return true;
    }

    public override void Fail(Exception exception)
    {
        Complete();
        _completion.TrySetException(exception);
    }

    // A call the transport could not deliver (the silo was unreachable before the request left) is safe to send
    // again: once membership changes (the silo is declared dead or has left), it is routed anew.
    private async Task SendAsync(string address)
    {
        var hops = IsInbound ? Hops + 1 : 0;
        var membershipVersion = _runtime.Placement.Current.Version;
        try
        {
            var result = await _runtime.Transport.SendAsync(address, new OutboundCall(Target, Chain, Deadline!.Value, hops), Request, CancellationToken.None).ConfigureAwait(false);
            Complete();
            _completion.TrySetResult(result);
        }
        catch (Exception exception) when (TransportFailures.IsNotDelivered(exception) && !IsCompleted)
        {
            _runtime.RerouteAfterMembershipChange(this, address, membershipVersion, exception);
        }
        catch (Exception exception)
        {
            Complete();
            _completion.TrySetException(exception);
        }
    }

    void ITrackedCall.Expire(Exception timeout) => _completion.TrySetException(timeout);

    private void Complete()
    {
        _runtime.Calls.Untrack(Id);
        _runtime.Metrics.CallDuration.Record(_runtime.TimeProvider.GetElapsedTime(_startTimestamp).TotalMilliseconds);
    }
}
