using Loyalty.Runtime.Activations;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class FlakyActivationGrain(GrainProbe probe) : Grain, IFlakyActivationGrain
{
    private int _attempt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var events = probe.For(GrainId);
        events.Activated();
        _attempt = events.Activations;
        return _attempt == 1 ? throw new InvalidOperationException("first activation fails") : Task.CompletedTask;
    }

    public Task<int> GetActivationAttemptAsync() => Task.FromResult(_attempt);
}
