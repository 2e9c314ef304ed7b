-- E-mail delivery (module "email", applied after the application's schema): who is sending an outbox message, how
-- often it was tried and when it is tried next; every attempt's outcome; admins' template edits; the SMTP override.

-- An outbox message is claimed with FOR UPDATE SKIP LOCKED and leased to one dispatcher until leased_until: a
-- dispatcher that dies mid-send releases it when the lease runs out (ADR 0023). processed_at is set once the message
-- was sent, written to a file (no SMTP server configured) or given up, each recorded in email_log first.
ALTER TABLE outbox
    ADD COLUMN attempts        integer     NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz NULL,
    ADD COLUMN leased_by       text        NULL,
    ADD COLUMN leased_until    timestamptz NULL;

-- One row per attempt (and per test e-mail): what the admin e-mail log shows.
CREATE TABLE email_log (
    id          bigserial   PRIMARY KEY,
    outbox_id   bigint      NULL REFERENCES outbox (id),
    merchant_id uuid        NULL,
    template    text        NOT NULL,
    locale      text        NULL,
    recipient   text        NOT NULL,
    subject     text        NULL,
    attempt     integer     NOT NULL,
    status      text        NOT NULL,
    detail      text        NULL,
    occurred_at timestamptz NOT NULL,
    CONSTRAINT email_log_status CHECK (status IN ('sent', 'failed', 'gave-up', 'not-sent'))
);
CREATE INDEX email_log_merchant ON email_log (merchant_id, id DESC);
CREATE INDEX email_log_outbox ON email_log (outbox_id);

-- An admin's version of a template in one language; without a row the built-in default applies, and restoring the
-- default deletes the row.
CREATE TABLE email_templates (
    template   text        NOT NULL,
    locale     text        NOT NULL,
    subject    text        NOT NULL,
    html       text        NOT NULL,
    text       text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    PRIMARY KEY (template, locale)
);

-- The platform admin's SMTP settings, which replace the configuration's while they exist. One row at most; the password
-- is protected with Data Protection (keys in data_protection_keys).
CREATE TABLE email_settings (
    singleton          boolean     PRIMARY KEY DEFAULT true CONSTRAINT email_settings_single CHECK (singleton),
    host               text        NOT NULL,
    port               integer     NOT NULL,
    security           text        NOT NULL,
    username           text        NULL,
    protected_password text        NULL,
    sender             text        NOT NULL,
    updated_at         timestamptz NOT NULL,
    updated_by         text        NOT NULL
);
