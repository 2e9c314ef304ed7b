using Loyalty.Runtime.Activations;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Runtime.Hosting;

/// <summary>
/// Starts the grain runtime with the host and stops it gracefully: on SIGTERM every activation drains its
/// queue, flushes its state and deactivates before the process exits.
/// </summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
