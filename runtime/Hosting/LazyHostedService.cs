using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Runtime.Hosting;

/// <summary>
/// Defers creating a hosted service until the host starts it. The host constructs every hosted service before
/// starting the first, and services that need the database must not be built before the database has started.
/// </summary>
internal sealed class LazyHostedService<TService>(IServiceProvider services) : IHostedService
    where TService : class, IHostedService
{
    private TService? _service;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _service = services.GetRequiredService<TService>();
        return _service.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _service?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
