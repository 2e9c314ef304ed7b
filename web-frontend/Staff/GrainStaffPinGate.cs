using Loyalty.GrainInterfaces.Pins;
using Orleans;
using Loyalty.Web.Problems;
using Loyalty.Web.Terminal;

namespace Loyalty.Web.Staff;

/// <summary>
/// Card operations name the staff PIN that authorised them: it must be a PIN of the device's store, and not locked
/// (a PIN locked by failed attempts, online or reported from offline, stops acting until the lock ends).
/// </summary>
public sealed class GrainStaffPinGate(IGrainFactory grains, TimeProvider time) : IStaffPinGate
{
    public async Task<TerminalAnswer?> CheckAsync(TerminalDevice device, Guid pinId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var pin = await grains.GetGrain<IPinGrain>(pinId).GetAsync();
        if (pin is null)
        {
            return TerminalAnswer.Problem(StatusCodes.Status404NotFound, ProblemCodes.PinNotFound, "PIN not found", $"There is no staff PIN {pinId}.");
        }

        if (pin.StoreId != device.StoreId)
        {
            return TerminalAnswer.Problem(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Not allowed", "The PIN belongs to another store.");
        }

        return pin.LockedUntil is { } until && until > time.GetUtcNow()
            ? TerminalAnswer.Problem(
                StatusCodes.Status423Locked, ProblemCodes.PinLocked, "PIN locked", "Too many failed attempts.", new Dictionary<string, object?> { ["lockedUntil"] = until })
            : null;
    }
}
