-- Every card operation rewrites the card's read-model row (stamps, points, ledger head, last activity), none of
-- which is indexed: with room left in the page PostgreSQL makes that a HOT update - no new entry in the three
-- indexes of this table, the old tuple pruned within the page. At the default fillfactor (100) about one update in
-- twenty found its page full and wrote three index entries (bench, 5,000 cards at random); at 80, none did. Applies
-- to pages written from now on (a table rewrite, such as VACUUM FULL, applies it to existing ones).
ALTER TABLE cards SET (fillfactor = 80);
