namespace Loyalty.Grains.Ledger;

/// <summary>
/// Walks one card's entries, as read in sequence order, and reports the first entry whose hash, link or sequence
/// does not match. Per entry it checks, in this order: the card number, the hash of its own fields, the sequence
/// (1, 2, 3, ... without gaps) and the link to the preceding entry's hash.
/// </summary>
public static class LedgerVerifier
{
    /// <param name="entries">The card's entries in the order they were read (ordered by sequence).</param>
    /// <param name="expectedHead">The head the card grain recorded, when known; detects entries cut from the end.</param>
    public static LedgerVerification Verify(IReadOnlyList<LedgerEntry> entries, LedgerHead? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = LedgerHead.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var checkedSoFar = i + 1;
            if (!string.Equals(entry.CardNumber, entries[0].CardNumber, StringComparison.Ordinal))
                return LedgerVerification.Failed(checkedSoFar, entry.Sequence, LedgerMismatch.Card,
                    $"Expected card {entries[0].CardNumber}, found {entry.CardNumber}.");

            var computed = LedgerHasher.ComputeHash(entry);
            if (!string.Equals(computed, entry.Hash, StringComparison.Ordinal))
                return LedgerVerification.Failed(checkedSoFar, entry.Sequence, LedgerMismatch.Hash,
                    $"The fields hash to {computed}, but the entry stores {entry.Hash}.");

            if (entry.Sequence != previous.Sequence + 1)
                return LedgerVerification.Failed(checkedSoFar, entry.Sequence, LedgerMismatch.Sequence,
                    $"Expected sequence {previous.Sequence + 1}, found {entry.Sequence}.");

            if (!string.Equals(entry.PreviousHash, previous.Hash, StringComparison.Ordinal))
                return LedgerVerification.Failed(checkedSoFar, entry.Sequence, LedgerMismatch.Link,
                    $"Expected previous hash {previous.Hash}, found {entry.PreviousHash}.");

            previous = entry.Head;
        }

        if (expectedHead is not null && previous != expectedHead)
            return LedgerVerification.Failed(entries.Count, previous.Sequence, LedgerMismatch.Head,
                $"Expected the chain to end at sequence {expectedHead.Sequence} ({expectedHead.Hash}), it ends at {previous.Sequence} ({previous.Hash}).");

        return LedgerVerification.Valid(entries.Count);
    }
}
