namespace Loyalty.Web.AppleWallet;

/// <summary>
/// Wakes devices whose passes changed. In production: an APNs push with an empty payload (<c>{}</c>) to each push token,
/// topic = the pass type id, over HTTP/2 with token-based (JWT, .p8 key) or certificate authentication; the device then
/// asks which passes changed and fetches them (ADR 0034). APNs is not reachable from this environment, so the
/// registered implementation is <see cref="LoggingApplePassPushNotifier"/>.
/// </summary>
public interface IApplePassPushNotifier
{
    Task NotifyAsync(IReadOnlyList<PassPush> pushes, CancellationToken cancellationToken);
}
