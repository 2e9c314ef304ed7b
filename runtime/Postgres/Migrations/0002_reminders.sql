-- Durable reminders (see runtime/Reminders). Ticks are due at start_at + N * period_ms.
-- next_due is the next time the reminder service tries to deliver: the next scheduled tick,
-- or a retry time after a failed delivery. last_fired_tick is the scheduled time of the last
-- delivered tick, so a restart never delivers it again. Every write bumps version, and a tick
-- is recorded only if version is still the one the service read, so a reminder re-registered
-- while its tick was in flight is never overwritten.
CREATE TABLE reminders (
    service_id      text        NOT NULL,
    grain_id        text        NOT NULL, -- type/key as printed by GrainId
    reminder_name   text        NOT NULL,
    grain_hash      bigint      NOT NULL, -- GrainId.GetUniformHashCode(), an unsigned 32-bit value
    start_at        timestamptz NOT NULL,
    period_ms       bigint      NOT NULL,
    next_due        timestamptz NOT NULL,
    last_fired_tick timestamptz NULL,
    version         bigint      NOT NULL,
    CONSTRAINT reminders_pkey PRIMARY KEY (service_id, grain_id, reminder_name),
    CONSTRAINT reminders_name_length CHECK (char_length(reminder_name) BETWEEN 1 AND 150),
    CONSTRAINT reminders_grain_hash_range CHECK (grain_hash BETWEEN 0 AND 4294967295),
    CONSTRAINT reminders_period_positive CHECK (period_ms > 0)
);

-- The service's hot query: what is due next for this service.
CREATE INDEX reminders_due_idx ON reminders (service_id, next_due);

-- Each silo will own ranges of the hash ring and read only its share (Orleans has no such index).
CREATE INDEX reminders_grain_hash_idx ON reminders (service_id, grain_hash);
