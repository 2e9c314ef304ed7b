using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Runtime.Hosting;

/// <summary>
/// Starts the grain runtime with the host and stops it gracefully: on SIGTERM every activation drains its
/// queue, flushes its state and deactivates, and the storage commits what is queued, before the process exits.
/// Reminders stop before this (hosted services stop in reverse order), so no tick starts during the drain.
/// </summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await runtime.StopAsync(cancellationToken).ConfigureAwait(false);
        if (runtime.Services.GetService(typeof(PostgresGrainStateStore)) is PostgresGrainStateStore store)
        {
            await store.FlushAsync().ConfigureAwait(false);
        }
    }
}
