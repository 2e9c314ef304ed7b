namespace Loyalty.Web.Terminal;

/// <summary>
/// Every terminal action names the staff PIN that authorised it: the PIN must exist, belong to the device's store and
/// not be locked. Null when it may act; otherwise the answer (404 <c>pin-not-found</c>, 403 <c>forbidden</c>, 423 <c>pin-locked</c>).
/// </summary>
public interface IStaffPinGate
{
    Task<TerminalAnswer?> CheckAsync(TerminalDevice device, Guid pinId, CancellationToken cancellationToken);
}
