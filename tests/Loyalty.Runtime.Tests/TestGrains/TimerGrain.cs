using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Timers;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class TimerGrain(GrainProbe probe) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;

    public Task StartAsync(TimeSpan dueTime, TimeSpan period, bool keepAlive)
    {
        var events = probe.For(GrainId);
        _timer = RegisterGrainTimer(
            _ =>
            {
                events.Log.Enqueue("tick");
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = dueTime, Period = period, KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.For(GrainId).Deactivated(reason);
        return Task.CompletedTask;
    }
}
