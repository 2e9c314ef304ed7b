namespace Loyalty.TerminalClient.Offline;

/// <summary>What a flush did with one queued operation.</summary>
public enum OfflineOutcome
{
    /// <summary>Answered 2xx: applied (or replayed); removed from the queue.</summary>
    Succeeded,

    /// <summary>Answered with a final 4xx (a rule refused it, invalid, key reused): removed from the queue; show it to staff.</summary>
    Refused,

    /// <summary>No final answer (no answer, 408, 429, 5xx, or not sent this time): kept, to be sent again with the same key.</summary>
    Pending,
}
