-- How many digits each staff PIN has, so terminals get offline verifiers only for PINs long enough to resist an
-- offline search (ADR 0017). 0 for PINs created before this column: their length is unknown, so they are treated as
-- too short until they are changed.
ALTER TABLE staff_pins ADD COLUMN pin_digits integer NOT NULL DEFAULT 0;
