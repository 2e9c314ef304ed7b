using Loyalty.TerminalClient.Contracts;

namespace Loyalty.TerminalClient.Offline;

/// <summary>
/// Checks staff PINs on the tablet while it is offline, against the verifiers of <c>GET /staff</c>. A verifier is
/// used only until its <see cref="StaffPin.OfflineVerifierExpiresAt"/>; a PIN without one (too short to be safe
/// offline) is <see cref="OfflinePinCheck.OnlineOnly"/>. Wrong PINs are counted per PIN: after
/// <see cref="MaxFailures"/> in a row the PIN is locked on this tablet, and <see cref="TakeFailures"/> hands them over
/// to be reported (<see cref="TerminalClient.ReportFailedAttemptsAsync"/>), so they count toward the server's lockout.
/// </summary>
/// <param name="time">The tablet's clock.</param>
public sealed class OfflinePinVerifier(TimeProvider time)
{
    /// <summary>Failures in a row after which a PIN is locked on this tablet until the failures are reported.</summary>
    public const int MaxFailures = 5;

    private readonly Dictionary<Guid, OfflinePinFailures> _failures = [];
    private readonly Lock _lock = new();

    /// <summary>Checks <paramref name="pin"/> as typed for <paramref name="staff"/>.</summary>
    /// <param name="staff">The staff member's entry from the last <c>GET /staff</c>.</param>
    /// <param name="pin">The PIN as typed.</param>
    public OfflinePinCheck Check(StaffPin staff, string pin)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(pin);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if ((staff.Locked && (staff.LockedUntil is null || staff.LockedUntil > now))
                || (_failures.TryGetValue(staff.PinId, out var failed) && failed.Count >= MaxFailures))
                return OfflinePinCheck.Locked;
        }

        if (staff.PinHash is not { } hash || staff.OfflineVerifierExpiresAt is not { } expiresAt || now >= expiresAt)
            return OfflinePinCheck.OnlineOnly;
        if (IsWellFormed(pin) && Matches(pin, hash))
            return OfflinePinCheck.Valid;

        lock (_lock)
        {
            var count = _failures.TryGetValue(staff.PinId, out var earlier) ? earlier.Count + 1 : 1;
            _failures[staff.PinId] = new OfflinePinFailures(staff.PinId, count, now);
        }

        return OfflinePinCheck.Invalid;
    }

    /// <summary>The failures counted so far, cleared: report each with <see cref="TerminalClient.ReportFailedAttemptsAsync"/>.</summary>
    public IReadOnlyList<OfflinePinFailures> TakeFailures()
    {
        lock (_lock)
        {
            var taken = _failures.Values.ToList();
            _failures.Clear();
            return taken;
        }
    }

    private static bool IsWellFormed(string pin) => pin.Length is >= 4 and <= 8 && pin.All(char.IsAsciiDigit);

    private static bool Matches(string pin, string hash)
    {
        if (hash.Length != 60 || !hash.StartsWith("$2", StringComparison.Ordinal))
            return false;
        try
        {
            return BCrypt.Net.BCrypt.Verify(pin, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }
}
