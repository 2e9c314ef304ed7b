using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Runtime.Hosting;

/// <summary>
/// Starts the grain runtime with the host and stops it gracefully: on SIGTERM every activation drains its
/// queue, flushes its state and deactivates, and the storage commits what is queued, before the process exits.
/// Reminders stop before this (hosted services stop in reverse order), so no tick starts during the drain.
/// </summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PostgresGrainStateStore? _store;
    private Task _handOff = Task.CompletedTask;

    // Resolved at start, not at stop: a host can be stopped twice at once (Run's own shutdown and a caller's
    // StopAsync, as WebApplicationFactory does), and the first to finish disposes the service provider.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _store = runtime.Services.GetService(typeof(PostgresGrainStateStore)) as PostgresGrainStateStore;
        if (runtime.IsClustered)
        {
            _handOff = Task.Run(() => runtime.RunHandOffLoopAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped twice at once (see above): the second stop must not touch a disposed source.
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await _handOff.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await runtime.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_store is not null)
        {
            await _store.FlushAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();
}
