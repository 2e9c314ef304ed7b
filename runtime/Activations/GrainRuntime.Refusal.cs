using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Activations;

internal sealed partial class GrainRuntime
{
    private volatile string? _refusal;

    /// <summary>True once the silo refuses calls (membership found it declared dead).</summary>
    public bool IsRefusingCalls => _refusal is not null;

    /// <summary>
    /// From now on every call fails at once with <see cref="SiloUnavailableException"/>, including calls to
    /// activations that exist. Membership calls this when the cluster declared the silo dead: another silo may
    /// already own its grains, so it must not serve them any longer (calls already running finish; their writes
    /// are still conditional on the versions they loaded).
    /// </summary>
    public void RefuseCalls(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _refusal = reason;
        Catalog.Close();
    }

    /// <summary>
    /// Stops the silo like a crash, for tests: refuses every call, and drops every activation without flushing its
    /// state or running its deactivation. Whatever was not committed is lost, as it would be with the process.
    /// </summary>
    public async Task KillAsync()
    {
        var failure = new SiloUnavailableException($"Silo {SiloName} was killed.");
        RefuseCalls(failure.Message);
        await _collector.DisposeAsync().ConfigureAwait(false);
        foreach (var activation in Catalog.Snapshot())
        {
            activation.Abandon(failure);
        }
    }

    private void ThrowIfRefusing()
    {
        if (_refusal is { } reason)
        {
            throw new SiloUnavailableException(reason);
        }
    }
}
