-- The two largest server costs of writing a big state (a busy card's is ~50 KB: its recent transactions, stamps and
-- idempotency keys), from a hot-card profile (issue #5): parsing it as jsonb (22 % of the server's CPU) and compressing
-- it into TOAST with pglz (18 %).
--
-- Text, not jsonb: the runtime writes only what its serializer produced and reads it back whole, so the server never
-- needs the parsed form. Operators still query states with payload::jsonb (for example
-- payload::jsonb ->> 'count'), paying the parse on that read rather than on every write. The type change rewrites the
-- table once, holding its lock for a time proportional to its size: upgrade a large deployment in a quiet hour.
ALTER TABLE grain_state ALTER COLUMN payload TYPE text USING payload::text;

-- lz4 compresses several times faster than the default pglz for a similar size. Values already stored keep pglz and
-- read as before. A server built without lz4 keeps pglz: the statement is skipped with a notice.
DO $$
BEGIN
    ALTER TABLE grain_state ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available in this PostgreSQL build: grain_state payloads stay pglz-compressed';
END
$$;
