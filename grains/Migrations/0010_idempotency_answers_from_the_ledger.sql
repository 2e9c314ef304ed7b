-- An applied card operation's first answer (its transaction, balances after, points earned) is exactly what its ledger
-- entry records, so its idempotency record now points at that entry (ledger_sequence, with the record's card_number)
-- instead of repeating the answer as JSON: ~330 bytes less per operation, in the row and in the WAL (issue #5). Refused
-- operations and enrolments keep their answer in outcome; records stored before keep theirs and replay as before.
ALTER TABLE idempotency_keys ADD COLUMN ledger_sequence bigint NULL;
ALTER TABLE idempotency_keys ALTER COLUMN outcome DROP NOT NULL;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_has_answer CHECK (outcome IS NOT NULL OR ledger_sequence IS NOT NULL);
