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

    private void ThrowIfRefusing()
    {
        if (_refusal is { } reason)
        {
            throw new SiloUnavailableException(reason);
        }
    }
}
