-- Every admin change, appended in the same write as the grain state it changed (never updated or deleted).
-- merchant_id is null only for platform-level changes; actor is an admin token id or 'system'.
CREATE TABLE audit_log (
    id           bigserial   PRIMARY KEY,
    merchant_id  uuid        NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   text        NOT NULL,
    details      jsonb       NOT NULL,
    occurred_at  timestamptz NOT NULL
);

-- The admin audit page lists one merchant's entries newest first.
CREATE INDEX audit_log_merchant_newest ON audit_log (merchant_id, id DESC);
