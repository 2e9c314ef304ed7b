using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Runtime.Hosting;

/// <summary>
/// Defers creating a hosted service until the host starts it. The host constructs every hosted service before
/// starting the first, and services that need the database must not be built before the database has started.
/// Forwards the lifecycle events that come after start-up (started, stopping, stopped) when the service wants them.
/// </summary>
internal sealed class LazyHostedService<TService>(IServiceProvider services) : IHostedLifecycleService
    where TService : class, IHostedService
{
    private TService? _service;

    // Runs before any service starts, the database included: too early to build the service.
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _service = services.GetRequiredService<TService>();
        return _service.StartAsync(cancellationToken);
    }

    public Task StartedAsync(CancellationToken cancellationToken) =>
        (_service as IHostedLifecycleService)?.StartedAsync(cancellationToken) ?? Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) =>
        (_service as IHostedLifecycleService)?.StoppingAsync(cancellationToken) ?? Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => _service?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) =>
        (_service as IHostedLifecycleService)?.StoppedAsync(cancellationToken) ?? Task.CompletedTask;
}
