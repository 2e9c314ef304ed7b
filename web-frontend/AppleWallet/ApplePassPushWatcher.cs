using Microsoft.Extensions.Options;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// Every <see cref="AppleWalletOptions.PushPollInterval"/>, claims the registered passes whose card changed since their
/// last push and hands them to <see cref="IApplePassPushNotifier"/>. Off the stamp path: a card operation writes its row
/// as it always did, and this reads the change from <c>cards.modified_at</c> afterwards (ADR 0034).
/// </summary>
public sealed partial class ApplePassPushWatcher(
    ApplePassRegistrations registrations, IApplePassPushNotifier notifier, IOptions<AppleWalletOptions> options, ILogger<ApplePassPushWatcher> logger)
    : BackgroundService
{
    /// <summary>One round: claim and notify. Public for tests, which drive rounds themselves.</summary>
    public async Task<IReadOnlyList<PassPush>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var pushes = await registrations.ClaimChangedAsync(cancellationToken);
        if (pushes.Count > 0)
            await notifier.NotifyAsync(pushes, cancellationToken);
        return pushes;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PushPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A claim that failed leaves its rows to the next round. A push that fails after its claim is not repeated: the
                // device still gets the change the next time Wallet asks (ADR 0034).
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apple Wallet push round failed; the next round retries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
