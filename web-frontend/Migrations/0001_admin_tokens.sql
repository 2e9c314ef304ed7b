-- API tokens for the admin API. Only a SHA-256 of each token is stored: tokens are 256-bit random values,
-- so a fast hash is enough (no dictionary to attack) and lookups stay one index probe.
CREATE TABLE admin_tokens (
    token_id     uuid        PRIMARY KEY,
    token_hash   bytea       NOT NULL UNIQUE,
    role         text        NOT NULL CHECK (role IN ('platform-admin', 'merchant-owner')),
    merchant_id  uuid        NULL,
    description  text        NOT NULL,
    is_bootstrap boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz NULL
);

-- At most one bootstrap token: the one from configuration, or the one generated on first start.
CREATE UNIQUE INDEX admin_tokens_one_bootstrap ON admin_tokens (is_bootstrap) WHERE is_bootstrap;
