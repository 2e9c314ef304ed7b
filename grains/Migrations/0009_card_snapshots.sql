-- A card's state is stored as a snapshot plus the changes written since (ADR 0012): the card's row in cards keeps its
-- read-model columns, its version and, in changes, one line of JSON per operation since the snapshot; the snapshot
-- moves to card_snapshots and is rewritten only every few operations. An operation then updates a small row instead
-- of the card's whole state (issue #5: with states in their rows, 100,000 cards spanned ~20,000 pages, nearly every
-- operation dirtied a page not yet written since the last checkpoint, and its full-page image was most of the WAL).
-- The snapshot's version is the card's version when it was taken; the card's version is that plus the changes since.
CREATE TABLE card_snapshots (
    card_number text   PRIMARY KEY,
    version     bigint NOT NULL,
    payload     text   NULL
);

-- Rewritten in place every few operations of a card, none of its columns indexed: room for HOT updates, as in cards.
ALTER TABLE card_snapshots SET (fillfactor = 80);

DO $$
BEGIN
    ALTER TABLE card_snapshots ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available in this PostgreSQL build: card snapshots stay pglz-compressed';
END
$$;

-- Every card's state so far becomes its snapshot, at the card's version, with no changes since.
INSERT INTO card_snapshots (card_number, version, payload)
SELECT card_number, version, payload FROM cards;

ALTER TABLE cards ADD COLUMN changes text NULL;
ALTER TABLE cards DROP COLUMN payload;

-- A card's row now grows with each operation (~400 bytes of changes for a stamp) until the next snapshot empties its
-- changes. An update stays HOT (no new index entries, the old version pruned within its page) only while the page has
-- room for the grown row: at fillfactor 80 a third of the bench's stamps moved their card's row to another page, each
-- move logging a row lock with a full-page image, the new row and an entry in each of the three indexes.
ALTER TABLE cards SET (fillfactor = 40);
