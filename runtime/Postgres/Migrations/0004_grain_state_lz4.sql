-- Large states (a busy card's is ~50 KB: its recent transactions, stamps and idempotency keys) are compressed into
-- TOAST on every write. With the default pglz that compression was the largest single cost of a hot grain's write
-- (8 % of the server's CPU, issue #5); lz4 compresses several times faster for a similar size. Values already
-- stored keep pglz and read as before. A server built without lz4 keeps pglz: the statement is skipped with a notice.
DO $$
BEGIN
    ALTER TABLE grain_state ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available in this PostgreSQL build: grain_state payloads stay pglz-compressed';
END
$$;
