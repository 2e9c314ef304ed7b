using Loyalty.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Runtime.Membership;

/// <summary>
/// Holds a dedicated connection that LISTENs on <c>loyalty_membership</c> and signals when the service's membership
/// changed. When the connection breaks it opens a new one after a growing delay; the periodic full reads of the
/// membership service carry on meanwhile, and a reconnect signals once, since notifications may have been missed.
/// </summary>
internal sealed partial class MembershipNotificationListener(
    NpgsqlDataSource dataSource,
    IOptions<MembershipOptions> settings,
    TimeProvider time,
    ILogger<MembershipNotificationListener> logger)
{
    public const string Channel = "loyalty_membership";

    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly MembershipOptions _options = settings.Value;
    private readonly FailureStreak _failures = new("Listening for membership changes (the periodic reads go on meanwhile)", time, logger);
    private readonly ChangeSignal _changed = new();
    private volatile bool _listening;

    /// <summary>Completes at the next notification for this service (or reconnect). Take it before reading the table.</summary>
    public Task Changed => _changed.Next;

    /// <summary>True while the connection is listening (for tests and diagnostics).</summary>
    public bool IsListening => _listening;

    public async Task RunAsync(CancellationToken stopping)
    {
        var delay = FirstReconnectDelay;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A connection that listened fine for a while starts the back-off over.
                delay = _listening ? FirstReconnectDelay : delay;
                _failures.Failed(ex);
            }
            finally
            {
                _listening = false;
            }

            try
            {
                await Task.Delay(delay, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
        }
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stopping);
        connection.Notification += OnNotification;
        await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
        {
            await listen.ExecuteNonQueryAsync(stopping);
        }

        _listening = true;
        _failures.Succeeded();
        LogListening(logger, _options.ServiceId);

        // Whatever changed while nobody listened is only in the table: have it read now.
        _changed.Signal();
        while (true)
        {
            await connection.WaitAsync(stopping);
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (string.Equals(e.Payload, _options.ServiceId, StringComparison.Ordinal))
        {
            _changed.Signal();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listening for membership changes of service {ServiceId}")]
    private static partial void LogListening(ILogger logger, string serviceId);
}
