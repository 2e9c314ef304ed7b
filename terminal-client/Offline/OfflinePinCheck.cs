namespace Loyalty.TerminalClient.Offline;

/// <summary>What <see cref="OfflinePinVerifier.Check"/> decided.</summary>
public enum OfflinePinCheck
{
    /// <summary>The PIN matches its offline verifier.</summary>
    Valid,

    /// <summary>Wrong PIN: counted, for <see cref="OfflinePinVerifier.TakeFailures"/> to report to the server.</summary>
    Invalid,

    /// <summary>The PIN is locked (by the server, or after too many failures on this tablet).</summary>
    Locked,

    /// <summary>No usable offline verifier (a short PIN, or the verifier expired): verify online, or refuse.</summary>
    OnlineOnly,
}
