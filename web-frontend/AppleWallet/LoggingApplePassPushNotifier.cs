namespace Loyalty.Web.AppleWallet;

/// <summary>Logs the pushes APNs would be sent (serial numbers only: push tokens are device secrets).</summary>
public sealed partial class LoggingApplePassPushNotifier(ILogger<LoggingApplePassPushNotifier> logger) : IApplePassPushNotifier
{
    public Task NotifyAsync(IReadOnlyList<PassPush> pushes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pushes);
        foreach (var push in pushes)
            LogPush(logger, push.PassTypeIdentifier, push.SerialNumber);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Apple Wallet: pass {PassTypeIdentifier} {SerialNumber} changed; a push to its device is due (no APNs client configured)")]
    private static partial void LogPush(ILogger logger, string passTypeIdentifier, string serialNumber);
}
