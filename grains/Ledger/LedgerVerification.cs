namespace Loyalty.Grains.Ledger;

/// <summary>
/// The outcome of <see cref="LedgerVerifier.Verify"/>: success, or the first bad entry's sequence (as stored),
/// what kind of mismatch it is, and the expected and found values.
/// </summary>
public sealed record LedgerVerification(int EntriesChecked, long? FailedSequence, LedgerMismatch? Mismatch, string? Detail)
{
    public bool IsValid => Mismatch is null;

    public static LedgerVerification Valid(int entriesChecked) => new(entriesChecked, null, null, null);

    public static LedgerVerification Failed(int entriesChecked, long sequence, LedgerMismatch mismatch, string detail) =>
        new(entriesChecked, sequence, mismatch, detail);
}
