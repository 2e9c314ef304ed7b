-- The admin dashboard (ADR 0028) aggregates a merchant's ledger entries of a date range by occurred_at. Entries are
-- appended in time order (occurred_at is the server's time, or a tablet's at most a few days earlier), so a BRIN index
-- - one summary per 128 pages - finds a range's pages as a b-tree would, for a few kilobytes and no per-row insert
-- cost on the card write path (a b-tree here would add a random insertion to every card operation).
CREATE INDEX ledger_entries_by_occurred_at ON ledger_entries USING brin (occurred_at);
