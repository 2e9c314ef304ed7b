namespace Loyalty.Grains.Storage;

/// <summary>
/// One write of a card's row in <c>cards</c> and of the rows that commit with it, all or nothing
/// (<see cref="CardStore.WriteAsync"/>).
/// </summary>
/// <param name="CardNumber">The card, the key of its row.</param>
/// <param name="ExpectedVersion">
/// The version the writing activation loaded: 0 when the card has no row yet (the write inserts it at version 1),
/// otherwise the row is updated only if its version is still this one, to <c>ExpectedVersion + 1</c>.
/// </param>
/// <param name="StateJson">The card's whole state, stored in <c>state</c> (<c>jsonb</c>).</param>
/// <param name="Columns">
/// The card's read-model columns, derived from the state, written to the same row; the same columns in the same order
/// on every write of a card keeps the batch's statement text stable.
/// </param>
/// <param name="Rows">Rows inserted (or upserted) only if the card's row is written: ledger entries, idempotency records, outbox messages.</param>
public sealed record CardWrite(
    string CardNumber,
    long ExpectedVersion,
    string StateJson,
    IReadOnlyList<KeyValuePair<string, object?>> Columns,
    IReadOnlyList<StorageRow> Rows);
