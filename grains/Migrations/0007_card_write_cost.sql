-- Less server work per card operation (issue #5: the server's CPU per stamp bounds many-card throughput).
--
-- idempotency_keys_by_age exists for purging keys older than the kept period (30 days at least). Keys are inserted in
-- time order, so a BRIN index answers "recorded before T" as well as a b-tree does, for one summary per 128 pages
-- instead of one entry per key.
DROP INDEX idempotency_keys_by_age;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys USING brin (recorded_at);

-- A ledger entry is identified by (card_number, sequence), its primary key, and chained by hash. Transaction ids are
-- random UUIDs the card grain generates (a client never chooses one) and are only ever looked up within one card's
-- entries, through that key. The global unique index cost a random b-tree insertion per operation and guarded only
-- against the random number generator.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_transaction_id_key;

-- The first answer to a key is read back only as text (a replay returns it as the client first saw it), so it is
-- stored as text: parsing it as jsonb on every operation was server work that no reader used.
ALTER TABLE idempotency_keys ALTER COLUMN outcome TYPE text USING outcome::text;
