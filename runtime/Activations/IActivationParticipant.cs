namespace Loyalty.Runtime.Activations;

/// <summary>Something bound to an activation's lifecycle, such as a persistent state.</summary>
internal interface IActivationParticipant
{
    /// <summary>Runs before the grain's OnActivateAsync (a state loads here).</summary>
    Task OnActivateAsync();

    /// <summary>Runs before the grain's OnDeactivateAsync on a graceful deactivation (pending writes flush here).</summary>
    Task OnDeactivateAsync();
}
