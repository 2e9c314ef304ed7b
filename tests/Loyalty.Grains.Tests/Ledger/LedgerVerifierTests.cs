using Loyalty.Grains.Ledger;

namespace Loyalty.Grains.Tests.Ledger;

public sealed class LedgerVerifierTests
{
    [Fact]
    public void Verify_UntouchedChain_Valid()
    {
        var entries = LedgerTestData.Chain();

        var result = LedgerVerifier.Verify(entries, entries[^1].Head);

        Assert.True(result.IsValid);
        Assert.Equal(5, result.EntriesChecked);
    }

    [Fact]
    public void Verify_EmptyChain_Valid() => Assert.True(LedgerVerifier.Verify([]).IsValid);

    [Fact]
    public void Verify_EditedField_ReportsHashMismatchAtThatEntry()
    {
        var entries = LedgerTestData.Chain().ToList();
        entries[2] = entries[2] with { PointsDelta = 1290 };

        var result = LedgerVerifier.Verify(entries);

        Assert.Equal((3L, LedgerMismatch.Hash), (result.FailedSequence, result.Mismatch));
        Assert.StartsWith("The fields hash to ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EditedAndRehashedEntry_ReportsLinkMismatchAtNextEntry()
    {
        var entries = LedgerTestData.Chain().ToList();
        var forged = entries[2] with { Reason = "Nothing to see" };
        entries[2] = forged with { Hash = LedgerHasher.ComputeHash(forged) };

        var result = LedgerVerifier.Verify(entries);

        Assert.Equal((4L, LedgerMismatch.Link), (result.FailedSequence, result.Mismatch));
        Assert.Equal($"Expected previous hash {entries[2].Hash}, found {entries[3].PreviousHash}.", result.Detail);
    }

    [Fact]
    public void Verify_RemovedEntry_ReportsSequenceMismatch()
    {
        var entries = LedgerTestData.Chain().ToList();
        entries.RemoveAt(1);

        var result = LedgerVerifier.Verify(entries);

        Assert.Equal((3L, LedgerMismatch.Sequence), (result.FailedSequence, result.Mismatch));
        Assert.Equal("Expected sequence 2, found 3.", result.Detail);
    }

    [Fact]
    public void Verify_RemovedEntryWithRenumberedSequence_ReportsHashMismatch()
    {
        var entries = LedgerTestData.Chain().ToList();
        entries.RemoveAt(1);
        entries[1] = entries[1] with { Sequence = 2 };

        var result = LedgerVerifier.Verify(entries);

        Assert.Equal((2L, LedgerMismatch.Hash), (result.FailedSequence, result.Mismatch));
    }

    [Fact]
    public void Verify_ReorderedEntries_ReportsSequenceMismatch()
    {
        var entries = LedgerTestData.Chain().ToList();
        (entries[1], entries[2]) = (entries[2], entries[1]);

        var result = LedgerVerifier.Verify(entries);

        Assert.Equal((3L, LedgerMismatch.Sequence), (result.FailedSequence, result.Mismatch));
    }

    [Fact]
    public void Verify_SwappedSequenceNumbers_ReportsHashMismatch()
    {
        var entries = LedgerTestData.Chain().ToList();
        (entries[1], entries[2]) = (entries[2] with { Sequence = 2 }, entries[1] with { Sequence = 3 });

        var result = LedgerVerifier.Verify(entries);

        Assert.Equal((2L, LedgerMismatch.Hash), (result.FailedSequence, result.Mismatch));
    }

    [Fact]
    public void Verify_TailCut_ReportsHeadMismatch()
    {
        var entries = LedgerTestData.Chain();

        var result = LedgerVerifier.Verify(entries.Take(4).ToList(), entries[^1].Head);

        Assert.Equal((4L, LedgerMismatch.Head), (result.FailedSequence, result.Mismatch));
    }

    [Fact]
    public void Verify_EntryOfAnotherCard_ReportsCardMismatch()
    {
        var entries = LedgerTestData.Chain().ToList();
        entries[3] = entries[3] with { CardNumber = "4111111111111111" };

        var result = LedgerVerifier.Verify(entries);

        Assert.Equal((4L, LedgerMismatch.Card), (result.FailedSequence, result.Mismatch));
    }
}
