using Loyalty.GrainInterfaces.Devices;
using Loyalty.Grains.Cards;

namespace Loyalty.Grains.Devices;

/// <summary>The per-device daily stamp cap: one tally per program and local day, kept by the device's single activation.</summary>
public sealed partial class DeviceGrain
{
    private const int RecentStampKeyCapacity = 128;

    public async Task<DeviceStampDecision> CountStampsAsync(DeviceStampRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = state.State;
        if (current.RecentStampKeys.FirstOrDefault(k => k.IdempotencyKey == request.IdempotencyKey) is { } known)
        {
            return known.Decision;
        }

        var program = request.ProgramId.ToString("D");
        var zone = StoreTimeZones.Find(request.StoreTimeZone);
        var tally = current.StampTallies.GetValueOrDefault(program) ?? DeviceStampTally.Empty;
        var violation = tally.Check(request.Count, request.At, zone, request.Cap);
        var decision = violation is null
            ? new DeviceStampDecision(true)
            : new DeviceStampDecision(false, violation.Message, violation.RetryAt);
        var tallies = new Dictionary<string, DeviceStampTally>(current.StampTallies, StringComparer.Ordinal);
        if (decision.Allowed)
        {
            tallies[program] = tally.Add(request.Count, request.At, zone);
        }

        state.State = current with
        {
            StampTallies = tallies,
            RecentStampKeys = [.. current.RecentStampKeys.Skip(Math.Max(0, current.RecentStampKeys.Count - RecentStampKeyCapacity + 1)), new CountedStamps(request.IdempotencyKey, decision)],
        };
        await state.WriteStateAsync();
        return decision;
    }
}
