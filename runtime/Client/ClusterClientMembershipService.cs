using Loyalty.Runtime.Membership;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Client;

/// <summary>A client's view of membership: read at start, then on every notification and refresh period. Never joins.</summary>
internal sealed class ClusterClientMembershipService(MembershipViewReader reader, IOptions<MembershipOptions> options, TimeProvider time) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PeriodicTimer? _timer;
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await reader.RefreshAsync(cancellationToken);
        _timer = new PeriodicTimer(options.Value.RefreshPeriod, time);
        _loop = Task.Run(() => reader.RunAsync(_timer, static (_, _) => Task.CompletedTask, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        _timer?.Dispose();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stopping.Dispose();
    }
}
