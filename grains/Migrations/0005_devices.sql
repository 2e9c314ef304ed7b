-- Paired terminals per store, for the admin device list and for finding a device from its bearer token. Written
-- by the device grain with its state. Only the SHA-256 of each token is stored: tokens are 256-bit random values,
-- so a fast hash is enough and the lookup stays one index probe. Revocation is decided by the device grain, not
-- by this table's status (see docs/architecture.md, "PINs and devices").
CREATE TABLE devices (
    device_id    uuid        PRIMARY KEY,
    store_id     uuid        NOT NULL,
    merchant_id  uuid        NOT NULL,
    name         text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('active', 'revoked')),
    paired_at    timestamptz NOT NULL,
    last_seen_at timestamptz NULL,
    revoked_at   timestamptz NULL,
    token_hash   bytea       NOT NULL UNIQUE
);

CREATE INDEX devices_by_store ON devices (store_id, paired_at);
