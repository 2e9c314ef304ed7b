-- Google Wallet (module "wallet"): one row per card whose customer saved it to Google Wallet. It is the pass grain's
-- state (written conditionally on version, so a second activation after a crash cannot overwrite newer state) and what
-- the admin wallet check lists: a failing pass keeps its last error, attempts and next try until a resync succeeds.
CREATE TABLE google_wallet_passes (
    card_number     text        PRIMARY KEY,
    merchant_id     uuid        NOT NULL,
    object_id       text        NOT NULL,
    -- The object exists at Google (inserted, or found there with 409).
    inserted        boolean     NOT NULL DEFAULT false,
    -- The card changed since the pass last showed it: a resync is due (at next_attempt_at when set).
    pending         boolean     NOT NULL DEFAULT true,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text        NULL,
    next_attempt_at timestamptz NULL,
    synced_at       timestamptz NULL,
    -- What the pass last showed (PassSnapshot as JSON): tells whether the next update deserves a notification.
    snapshot        jsonb       NULL,
    -- When notifying updates were sent within the last window (Google allows 3 per pass per 24 hours).
    notified_at     timestamptz[] NOT NULL DEFAULT '{}',
    version         bigint      NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- The admin check lists failing passes, oldest retry first.
CREATE INDEX google_wallet_passes_failing ON google_wallet_passes (next_attempt_at) WHERE last_error IS NOT NULL;
