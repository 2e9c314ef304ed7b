using Loyalty.TerminalClient.Contracts;
using Loyalty.TerminalClient.Offline;
using Loyalty.TerminalClient.Tests.Stubs;

namespace Loyalty.TerminalClient.Tests.Offline;

public sealed class OfflinePinVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    // Cost 4 keeps the test fast; the server's verifiers are cost 10 and verify the same way.
    private static readonly string Hash = BCrypt.Net.BCrypt.HashPassword("48213957", BCrypt.Net.BCrypt.GenerateSalt(4, 'b'));

    private readonly FakeClock _clock = new(Now);

    [Fact]
    public void Check_RightAndWrongPinWithAFreshVerifier_IsValidThenInvalid()
    {
        var verifier = new OfflinePinVerifier(_clock);
        var staff = Staff(Hash, Now.AddDays(7));

        Assert.Equal(OfflinePinCheck.Valid, verifier.Check(staff, "48213957"));
        Assert.Equal(OfflinePinCheck.Invalid, verifier.Check(staff, "48213958"));
        Assert.Equal(OfflinePinCheck.Invalid, verifier.Check(staff, "48a1"));
    }

    [Fact]
    public void Check_WithoutVerifierOrAfterItExpired_IsOnlineOnly()
    {
        var verifier = new OfflinePinVerifier(_clock);
        var expiring = Staff(Hash, Now.AddHours(1));

        var shortPin = verifier.Check(Staff(null, null), "4821");
        var beforeExpiry = verifier.Check(expiring, "48213957");
        _clock.Advance(TimeSpan.FromHours(1));
        var atExpiry = verifier.Check(expiring, "48213957");

        Assert.Equal((OfflinePinCheck.OnlineOnly, OfflinePinCheck.Valid, OfflinePinCheck.OnlineOnly), (shortPin, beforeExpiry, atExpiry));
        Assert.Empty(verifier.TakeFailures());
    }

    [Fact]
    public void Check_FiveFailures_LocksThePinOnTheTabletUntilTheyAreTakenForReporting()
    {
        var verifier = new OfflinePinVerifier(_clock);
        var staff = Staff(Hash, Now.AddDays(7));
        for (var i = 0; i < OfflinePinVerifier.MaxFailures; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(OfflinePinCheck.Invalid, verifier.Check(staff, $"1111111{i}"));
        }

        var locked = verifier.Check(staff, "48213957");
        var failures = verifier.TakeFailures();
        var afterReport = verifier.Check(staff, "48213957");

        Assert.Equal(OfflinePinCheck.Locked, locked);
        Assert.Equal([new OfflinePinFailures(staff.PinId, 5, Now.AddSeconds(50))], failures);
        Assert.Equal(OfflinePinCheck.Valid, afterReport);
    }

    [Fact]
    public void Check_PinLockedByTheServer_IsLocked()
    {
        var verifier = new OfflinePinVerifier(_clock);
        var staff = Staff(Hash, Now.AddDays(7)) with { Locked = true, LockedUntil = Now.AddMinutes(15) };

        Assert.Equal(OfflinePinCheck.Locked, verifier.Check(staff, "48213957"));
    }

    private static StaffPin Staff(string? hash, DateTimeOffset? expiresAt) =>
        new(Guid.Parse("0193a1b2-0000-7000-8000-000000000001"), "Luc", hash, false, null, expiresAt);
}
